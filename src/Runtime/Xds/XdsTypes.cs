using Meshc.EnvoyApi;

namespace Meshc.Runtime.Xds;

/// <summary>The resource types a meshc proxy subscribes to over ADS, and which of them are full-state (CDS, LDS, bindings).</summary>
public static class XdsTypes
{
    public const string Cluster = EnvoyTypeUrls.Cluster;
    public const string Endpoints = EnvoyTypeUrls.ClusterLoadAssignment;
    public const string Listener = EnvoyTypeUrls.Listener;
    public const string Route = EnvoyTypeUrls.RouteConfiguration;

    /// <summary>meshc's own type (address_binding.proto): where each Gateway and claimed Service is served.</summary>
    public const string Binding = EnvoyTypes.TypeUrlPrefix + "meshc.xds.v1.AddressBinding";

    /// <summary>Subscribed as a wildcard from the start; endpoints and routes are asked for by the names these use.</summary>
    public static readonly IReadOnlyList<string> Wildcard = [Cluster, Listener, Binding];

    public static readonly IReadOnlyList<string> All = [Cluster, Endpoints, Listener, Route, Binding];

    public static bool IsFullState(string typeUrl) => typeUrl is Cluster or Listener or Binding;
}
