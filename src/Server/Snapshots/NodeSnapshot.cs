using Meshc.Server.Resources;

namespace Meshc.Server.Snapshots;

/// <summary>
/// The resources of one type a node sees: every one it may ask for by name, the ones a wildcard subscription gets
/// (API listeners are only ever sent by name), and a version over all of them that changes exactly when they do.
/// </summary>
public sealed class TypeView
{
    public static readonly TypeView Empty = new(new Dictionary<string, XdsResource>(), []);

    private string? _wildcardVersion;

    public TypeView(IReadOnlyDictionary<string, XdsResource> visible, IReadOnlyList<XdsResource> wildcard)
    {
        Visible = visible;
        Wildcard = wildcard;
        Version = ContentVersion.Of(visible.Values);
    }

    /// <summary>The version of <see cref="Wildcard"/>, computed once for all the streams that subscribe to it.</summary>
    public string WildcardVersion => _wildcardVersion ??= ContentVersion.Of(Wildcard);

    public IReadOnlyDictionary<string, XdsResource> Visible { get; }

    /// <summary>What a wildcard subscription gets, in name order.</summary>
    public IReadOnlyList<XdsResource> Wildcard { get; }

    public string Version { get; }
}

/// <summary>
/// What one node selector sees of one <see cref="ResourceSet"/>, per type. Every node with the same selector shares
/// one snapshot per compilation; a node is pushed to only when its snapshot's versions change.
/// </summary>
/// <remarks>It keeps its own resources only, not the whole set, so a stream that stays on an unchanged snapshot across
/// recompiles does not keep old sets alive.</remarks>
public sealed class NodeSnapshot(string selector, string description, string bundleId, IReadOnlyDictionary<string, TypeView> types)
{
    /// <summary>The node's cluster, or its id when it gives no cluster.</summary>
    public string Selector { get; } = selector;

    /// <summary>What the selector matched, for people ("gateway default/echo", "everything", "nothing: …").</summary>
    public string Description { get; } = description;

    /// <summary>The bundle the snapshot was taken from.</summary>
    public string BundleId { get; } = bundleId;

    public TypeView Of(string typeUrl) => types.TryGetValue(typeUrl, out var view) ? view : TypeView.Empty;

    /// <summary>True when both snapshots give every type the same resources.</summary>
    public bool SameContent(NodeSnapshot other) =>
        ResourceTypes.Served.All(t => Of(t).Version == other.Of(t).Version);

    public int Count => ResourceTypes.Served.Sum(t => Of(t).Visible.Count);
}
