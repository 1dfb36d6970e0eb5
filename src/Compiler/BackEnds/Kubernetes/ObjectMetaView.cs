namespace Meshc.Compiler.BackEnds.Kubernetes;

/// <summary>A label or annotation, as the templates list it (sorted by key by the builders).</summary>
internal sealed record KeyValueView(string Key, string Value);

/// <summary>
/// An ownerReference. There is no uid: meshc never sees the cluster, so it cannot know the owner's uid; the field is
/// left out rather than invented (a made-up uid would point at nothing and make the garbage collector delete the object).
/// </summary>
internal sealed record OwnerView(string ApiVersion, string Kind, string Name);

/// <summary>The metadata of an emitted object. An empty namespace means a cluster-scoped object.</summary>
internal sealed record ObjectMetaView(
    string Name,
    string Namespace,
    IReadOnlyList<KeyValueView> Labels,
    IReadOnlyList<KeyValueView> Annotations,
    OwnerView? Owner)
{
    public bool Namespaced => Namespace.Length > 0;

    /// <summary>Sorted by key (ordinal), the order every emitted map uses.</summary>
    public static IReadOnlyList<KeyValueView> Sorted(IEnumerable<Ir.Label> labels) =>
        labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => new KeyValueView(l.Key, l.Value)).ToList();
}
