using System.Net;
using Meshc.Compiler;
using Meshc.Compiler.Text;
using Meshc.PolicyEngine;

namespace Meshc.Runtime.Tests.Policy;

/// <summary>Compiles three workloads and a policy on <c>bookstore</c>, and decides flows with the runtime's engine.</summary>
internal static class PolicyScenarios
{
    public const string Workloads = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: bookstore, namespace: default }
        spec: { template: { metadata: { labels: { app: bookstore } } } }
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: netshoot, namespace: default }
        spec: { template: { metadata: { labels: { app: netshoot } } } }
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: admin, namespace: default }
        spec: { template: { metadata: { labels: { app: admin, role: ops } } } }
        ---

        """;

    /// <summary>A policy named <paramref name="name"/> selecting <paramref name="selector"/>; sections indented by two under spec.</summary>
    public static string Policy(string sections, string name = "shop", string selector = "app: bookstore") => $"""
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: {"{"} name: {name}, namespace: default {"}"}
        spec:
          endpointSelector: {"{"} matchLabels: {"{"} {selector} {"}"} {"}"}
        {sections}
        ---

        """;

    public static PolicyBundle Compile(string policies) => Load(CompileFiles(policies));

    /// <summary>The bundle's files by path, as the runtime reads them.</summary>
    public static Dictionary<string, byte[]> CompileFiles(string policies)
    {
        var result = Compilation.Create([new SourceText("scenario.yaml", Workloads + policies)]).Emit(EmitTargets.Bpf);
        Assert.True(result.Bundle is not null, string.Join("\n", result.Diagnostics));
        return result.Bundle!.Files.ToDictionary(f => f.Path, f => f.Content);
    }

    public static PolicyBundle Load(IReadOnlyDictionary<string, byte[]> files)
    {
        var (bundle, error) = PolicyBundle.Load(files);
        Assert.True(bundle is not null, error);
        return bundle!;
    }

    /// <summary>
    /// Decides a flow to <c>bookstore</c> (or <paramref name="to"/>). <paramref name="from"/> is a workload name, an
    /// IPv4 address (resolved through the ipcache) or <c>id:N</c> for a reserved identity.
    /// </summary>
    public static FlowVerdict Decide(PolicyBundle bundle, string from, string port, string? http = null, string to = "bookstore",
        Func<PolicyEndpoint, IPolicyEntries>? maps = null)
    {
        var destination = bundle.Endpoints.Single(e => e.Workload == $"default/{to}");
        PolicyEndpoint? source = bundle.Endpoints.SingleOrDefault(e => e.Workload == $"default/{from}");
        uint identity;
        if (source is not null) identity = source.Identity;
        else if (from.StartsWith("id:", StringComparison.Ordinal)) identity = uint.Parse(from[3..]);
        else identity = bundle.ResolveIdentity(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(IPAddress.Parse(from).GetAddressBytes()));
        var parts = port.Split('/');
        var protocol = parts.Length > 1 ? parts[1] switch { "UDP" => (byte)17, "SCTP" => (byte)132, _ => (byte)6 } : (byte)6;
        HttpRequestInfo? request = null;
        if (http is not null)
        {
            var words = http.Split(' ');
            var headers = words.Skip(2).Select(h => h.Split('=')).ToDictionary(h => h[0], h => h.Length > 1 ? h[1] : "");
            request = new HttpRequestInfo(words[0], words[1], headers);
        }
        return PolicyFlow.Evaluate(bundle, source, identity, destination, protocol, ushort.Parse(parts[0]), request, maps);
    }
}
