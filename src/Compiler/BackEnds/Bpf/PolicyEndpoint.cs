using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.BackEnds.Bpf;

/// <summary>An endpoint (one workload's pods) with its endpoint id, identity and policy map <c>cilium_policy_v2_%05d</c>.</summary>
public sealed record PolicyEndpoint(int Id, Workload Workload, uint Identity, BpfMap Map, IReadOnlyList<PolicyHttpRules> HttpRules)
{
    public static string MapName(int id) => $"cilium_policy_v2_{id:D5}";
}

/// <summary>
/// What a policy entry's cookie names: the CiliumNetworkPolicy and the rule (<c>ingress[0]</c>). Cookie 0 is the
/// allow-all entry of a direction no policy governs.
/// </summary>
public sealed record PolicyRuleRef(uint Cookie, string Policy, string Rule, SourceLocation Origin)
{
    public string Display => Cookie == 0 ? "(no policy: allow all)" : $"{Policy} {Rule}";
}

/// <summary>The proxy ports L7 HTTP rules redirect to, one per direction (Cilium's per-direction HTTP listeners).</summary>
public sealed record PolicyProxyPorts(int Ingress, int Egress)
{
    public int For(PolicyDirection direction) => direction == PolicyDirection.Ingress ? Ingress : Egress;
}

/// <summary>
/// The HTTP rules of one allow rule as the endpoint's proxy enforces them: for the remote identities (0 = any) and
/// port range of a redirecting entry, a request passes when it matches one of <see cref="Http"/>.
/// </summary>
public sealed record PolicyHttpRules(uint Cookie, bool Egress, IReadOnlyList<uint> Identities, int FirstPort, int LastPort, IReadOnlyList<NetworkPolicyHttpRule> Http);
