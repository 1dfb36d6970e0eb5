using Meshc.Compiler.Text;

namespace Meshc.Compiler.Ir;

/// <summary>
/// One entry of <c>ingress</c>, <c>egress</c>, <c>ingressDeny</c> or <c>egressDeny</c>. No peers means any peer
/// (an L4-only rule); no ports means any port. <see cref="Index"/> is the entry's position in its list, so
/// <see cref="Name"/> (<c>ingress[0]</c>) names the rule in dumps and traces.
/// </summary>
public sealed record NetworkPolicyRule(
    PolicyDirection Direction,
    bool Deny,
    int Index,
    ValueList<NetworkPolicyPeer> Peers,
    ValueList<NetworkPolicyPort> Ports,
    SourceLocation Origin) : IHasOrigin
{
    /// <summary>The section and index the rule was written at, as in the YAML: <c>egressDeny[2]</c>.</summary>
    public string Name => $"{(Direction == PolicyDirection.Ingress ? "ingress" : "egress")}{(Deny ? "Deny" : "")}[{Index}]";
}

/// <summary>The direction of a policy rule, seen from the selected endpoint.</summary>
public enum PolicyDirection
{
    Ingress,
    Egress,
}
