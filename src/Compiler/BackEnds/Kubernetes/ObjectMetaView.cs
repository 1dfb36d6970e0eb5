namespace Meshc.Compiler.BackEnds.Kubernetes;

/// <summary>A label or annotation, as the templates list it (sorted by key by the builders).</summary>
internal sealed record KeyValueView(string Key, string Value);

/// <summary>
/// An ownerReference, written only when the owner's uid is known (the input Gateway carries metadata.uid, as manifests
/// exported from a cluster do). The API server refuses an ownerReference without a uid, and an invented uid would point
/// at nothing and let the garbage collector delete the object, so without one the reference is left out and the
/// manifests apply as they are (Cilium's operator adds the reference when it reconciles the same objects).
/// </summary>
internal sealed record OwnerView(string ApiVersion, string Kind, string Name, string Uid)
{
    /// <summary>The Gateway as owner, or null when its uid is unknown.</summary>
    public static OwnerView? OfGateway(Ir.Gateway gateway) =>
        gateway.Meta.Uid is { } uid ? new OwnerView("gateway.networking.k8s.io/v1", "Gateway", gateway.Meta.Name, uid) : null;

    /// <summary>The owner of a translated CEC (a Gateway, or a GAMMA route), or null when its uid is unknown.</summary>
    public static OwnerView? Of(Xds.TranslatedFrom? from) =>
        from?.OwnerUid is { } uid ? new OwnerView("gateway.networking.k8s.io/v1", from.OwnerKind, from.OwnerName, uid) : null;
}

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
