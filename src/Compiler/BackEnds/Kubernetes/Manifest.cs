namespace Meshc.Compiler.BackEnds.Kubernetes;

/// <summary>One rendered Kubernetes object: its identity and its YAML text (one document, ending in a newline).</summary>
internal sealed record Manifest(string ApiVersion, string Kind, string Namespace, string Name, string Text)
{
    /// <summary>
    /// Where the object goes in a bundle: <c>k8s/&lt;namespace&gt;/&lt;kind&gt;-&lt;name&gt;.yaml</c>, or
    /// <c>k8s/_cluster/…</c> for cluster-scoped objects. Status patches get their own suffix so they never collide with
    /// an object of the same kind and name.
    /// </summary>
    public string Path => $"k8s/{(Namespace.Length == 0 ? "_cluster" : Namespace)}/{Kind.ToLowerInvariant()}-{Name}{(IsStatusPatch ? ".status" : "")}.yaml";

    /// <summary>True for a Gateway API status patch (only the status stanza, no spec).</summary>
    public bool IsStatusPatch { get; init; }

    /// <summary>The order of the multi-document stream and the bundle: namespace, kind, name, objects before patches.</summary>
    public static readonly IComparer<Manifest> Order = Comparer<Manifest>.Create((a, b) =>
    {
        var c = string.CompareOrdinal(a.Namespace, b.Namespace);
        if (c == 0) c = string.CompareOrdinal(a.Kind, b.Kind);
        if (c == 0) c = string.CompareOrdinal(a.Name, b.Name);
        if (c == 0) c = a.IsStatusPatch.CompareTo(b.IsStatusPatch);
        return c;
    });
}
