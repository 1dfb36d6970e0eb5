using Meshc.Compiler.Ir;

namespace Meshc.Compiler.Semantics;

/// <summary>
/// How a CiliumNetworkPolicy selector selects pods: label keys may carry a source prefix (<c>k8s:</c>, <c>any:</c>),
/// which is dropped; and a selector that does not name the namespace label selects only pods in the policy's own
/// namespace, as Cilium scopes namespaced policies.
/// </summary>
public static class PolicySelectors
{
    /// <summary>The label that carries a pod's namespace in its identity.</summary>
    public const string NamespaceLabel = "io.kubernetes.pod.namespace";

    /// <summary>The selector as it applies to identity labels (which include <see cref="NamespaceLabel"/>).</summary>
    public static LabelSelector Scoped(LabelSelector selector, string policyNamespace)
    {
        var labels = selector.MatchLabels.Select(l => l with { Key = Unprefixed(l.Key) }).ToList();
        var expressions = selector.MatchExpressions.Select(e => e with { Key = Unprefixed(e.Key) }).ToList();
        if (labels.All(l => l.Key != NamespaceLabel) && expressions.All(e => e.Key != NamespaceLabel))
            labels.Add(new Label(NamespaceLabel, policyNamespace));
        return new LabelSelector(labels.ToValueList(), expressions.ToValueList());
    }

    /// <summary>A workload's pod labels with its namespace label, as its identity carries them.</summary>
    public static IReadOnlyList<Label> PodLabels(Workload workload) =>
        [.. workload.PodLabels.Where(l => l.Key != NamespaceLabel), new Label(NamespaceLabel, workload.Meta.Namespace)];

    private static string Unprefixed(string key)
    {
        foreach (var source in (string[])["k8s:", "any:"])
            if (key.StartsWith(source, StringComparison.Ordinal)) return key[source.Length..];
        return key;
    }
}
