namespace Meshc.Server.Resources;

/// <summary>Where a Gateway's or a claimed Service's listener is served (a bundle's <c>bindings</c>); kind is <c>gateway</c> or <c>service</c>.</summary>
public sealed record BindingEntry(string Kind, string Namespace, string Name, string Listener);

/// <summary>
/// Every resource one compilation produced, in the form the server sends (<see cref="AdsForm"/>), by type and name,
/// with the references between them. Immutable: a recompile builds a new set, and nodes move to it together.
/// </summary>
public sealed class ResourceSet
{
    public ResourceSet(string bundleId, IReadOnlyDictionary<string, IReadOnlyDictionary<string, XdsResource>> byType,
        IReadOnlyDictionary<string, string> apiListeners, IReadOnlyList<BindingEntry> bindings)
    {
        BundleId = bundleId;
        ByType = byType;
        ApiListeners = apiListeners;
        Bindings = bindings;
        var edges = new Dictionary<ResourceKey, IReadOnlyList<ResourceKey>>();
        foreach (var (type, resources) in byType)
            foreach (var resource in resources.Values)
                edges[new ResourceKey(type, resource.Name)] = [.. References.Of(resource.Message).Distinct()];
        Edges = edges;
    }

    /// <summary>The bundle the set came from.</summary>
    public string BundleId { get; }

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, XdsResource>> ByType { get; }

    /// <summary>
    /// The API listeners for proxyless gRPC clients (<see cref="ApiListeners"/>), each with the route configuration it
    /// was made from. They and their route configurations (of the same name) are served to a client that names them,
    /// never in a wildcard.
    /// </summary>
    public IReadOnlyDictionary<string, string> ApiListeners { get; }

    /// <summary>True for the resources only ever sent by name: the API listeners and their route configurations.</summary>
    public bool IsNamedOnly(string typeUrl, string name) => typeUrl is ResourceTypes.Listener or ResourceTypes.Route && ApiListeners.ContainsKey(name);

    public IReadOnlyList<BindingEntry> Bindings { get; }

    /// <summary>What each resource refers to (<see cref="References"/>).</summary>
    public IReadOnlyDictionary<ResourceKey, IReadOnlyList<ResourceKey>> Edges { get; }

    public static readonly ResourceSet Empty = new("", new Dictionary<string, IReadOnlyDictionary<string, XdsResource>>(),
        new Dictionary<string, string>(), []);

    /// <summary>The resources of one type (none when the set has no such type).</summary>
    public IReadOnlyDictionary<string, XdsResource> Of(string typeUrl) =>
        ByType.TryGetValue(typeUrl, out var resources) ? resources : NoResources;

    public int Count => ByType.Values.Sum(r => r.Count);

    private static readonly IReadOnlyDictionary<string, XdsResource> NoResources = new Dictionary<string, XdsResource>();
}
