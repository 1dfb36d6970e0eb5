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

    /// <summary>The certificates and CA bundles the TLS chains and upstream TLS name, resolved from the secret store.</summary>
    public TlsMaterial Tls { get; init; } = TlsMaterial.Empty;

    /// <summary>Listeners that cannot be served (a TLS secret is missing or broken), with the reason; the others serve.</summary>
    public IReadOnlyDictionary<string, string> ListenerErrors { get; init; } = new Dictionary<string, string>();

    /// <summary>The fingerprint of the secret store the TLS material came from: a reload with new certificates changes it.</summary>
    public string SecretsFingerprint { get; init; } = "";

    /// <summary>One line per listener that cannot be served, for the console.</summary>
    public IEnumerable<string> ListenerErrorLines => ListenerErrors.Select(e => $"listener {e.Key} is not served: {e.Value}");
}
