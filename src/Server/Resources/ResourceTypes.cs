using Meshc.EnvoyApi;

namespace Meshc.Server.Resources;

/// <summary>
/// The resource types the server knows, in the order a push sends them so that no traffic is dropped while a client
/// moves from one snapshot to the next (the xDS protocol's make-before-break rule): clusters before their endpoints,
/// both before the listeners and routes that use them; removals of listeners before the clusters they used, last.
/// </summary>
public static class ResourceTypes
{
    public const string Cluster = EnvoyTypeUrls.Cluster;
    public const string Endpoints = EnvoyTypeUrls.ClusterLoadAssignment;
    public const string Listener = EnvoyTypeUrls.Listener;
    public const string Route = EnvoyTypeUrls.RouteConfiguration;
    public const string Secret = EnvoyTypeUrls.Secret;

    /// <summary>meshc's own type: where a meshc proxy serves each Gateway and claimed Service (see address_binding.proto).</summary>
    public const string Binding = EnvoyTypes.TypeUrlPrefix + "meshc.xds.v1.AddressBinding";

    /// <summary>Additions and updates: CDS, EDS, LDS, RDS, then the bindings (which name listeners).</summary>
    public static readonly IReadOnlyList<string> AddOrder = [Cluster, Endpoints, Listener, Route, Binding];

    /// <summary>Removals: what refers first (bindings, listeners, routes), what is referred to last (clusters, endpoints).</summary>
    public static readonly IReadOnlyList<string> RemoveOrder = [Binding, Listener, Route, Cluster, Endpoints];

    /// <summary>
    /// Types whose state-of-the-world responses carry every resource, so a name left out is a removal (LDS, CDS, and
    /// meshc's bindings); for RDS and EDS a name left out means nothing, and the client drops what no listener or
    /// cluster refers to any more.
    /// </summary>
    public static bool IsFullState(string typeUrl) => typeUrl is Cluster or Listener or Binding;

    /// <summary>A short name for logs, metrics and the admin API.</summary>
    public static string ShortName(string typeUrl) => typeUrl switch
    {
        Cluster => "cds",
        Endpoints => "eds",
        Listener => "lds",
        Route => "rds",
        Secret => "sds",
        Binding => "bindings",
        _ => "other",
    };

    /// <summary>
    /// Types the server holds resources of. SDS is known but always empty: listeners and clusters name their secrets,
    /// and key material is not served.
    /// </summary>
    public static readonly IReadOnlyList<string> Served = [Cluster, Endpoints, Listener, Route, Binding];
}
