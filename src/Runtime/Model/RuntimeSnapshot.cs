using Meshc.Runtime.Routing;

namespace Meshc.Runtime.Model;

/// <summary>
/// Everything one request needs, built once from a verified bundle and never changed afterwards: a request snaps the
/// current snapshot when it starts and finishes on it, as Envoy snaps its route table per stream.
/// </summary>
public sealed record RuntimeSnapshot(
    string BundleId,
    IReadOnlyList<ListenerModel> Listeners,
    IReadOnlyDictionary<string, RouteTable> RouteTables,
    IReadOnlyDictionary<string, ClusterModel> Clusters,
    IReadOnlyDictionary<string, string> XdsJson)
{
    /// <summary>Where each Gateway's and claimed Service's listener is reached (empty: every listener on its own port).</summary>
    public IReadOnlyList<AddressBinding> Bindings { get; init; } = [];
}
