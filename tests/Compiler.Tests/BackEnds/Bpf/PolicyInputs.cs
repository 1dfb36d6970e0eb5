namespace Meshc.Compiler.Tests.BackEnds.Bpf;

/// <summary>CiliumNetworkPolicy documents for the tests: a name, an endpoint selector and the YAML of the sections.</summary>
internal static class PolicyInputs
{
    /// <summary>A policy in <c>default</c>; <paramref name="sections"/> is YAML indented by two under <c>spec</c>.</summary>
    public static string Policy(string name, string selector, string sections) => $"""
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: {"{"} name: {name}, namespace: default {"}"}
        spec:
          endpointSelector:
            matchLabels: {"{"} {selector} {"}"}
        {sections}
        ---

        """;
}
