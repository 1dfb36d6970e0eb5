using Google.Protobuf.Reflection;
using Meshc.EnvoyApi;

namespace Meshc.Compiler.FrontEnds.Cilium;

/// <summary>
/// The Envoy resource types a CiliumEnvoyConfig may hold, by exact type URL (Cilium's agent compares the URL
/// as written, so <c>envoy.config.listener.v3.Listener</c> without the prefix is not a resource type).
/// </summary>
internal static class EnvoyResourceTypes
{
    /// <summary>LDS.</summary>
    public const string Listener = EnvoyTypeUrls.Listener;
    /// <summary>RDS.</summary>
    public const string RouteConfiguration = EnvoyTypeUrls.RouteConfiguration;
    /// <summary>CDS.</summary>
    public const string Cluster = EnvoyTypeUrls.Cluster;
    /// <summary>EDS.</summary>
    public const string ClusterLoadAssignment = EnvoyTypeUrls.ClusterLoadAssignment;
    /// <summary>SDS.</summary>
    public const string Secret = EnvoyTypeUrls.Secret;

    /// <summary>Supported type URLs, in the order Cilium's agent lists them.</summary>
    public static readonly IReadOnlyList<string> All = [Listener, RouteConfiguration, Cluster, ClusterLoadAssignment, Secret];

    /// <summary>The message type of a supported resource type URL, or null.</summary>
    public static MessageDescriptor? Find(string typeUrl) =>
        All.Contains(typeUrl, StringComparer.Ordinal) ? EnvoyTypes.FindMessage(typeUrl) : null;

    /// <summary>The field that names a resource: <c>cluster_name</c> for endpoints, <c>name</c> for the others.</summary>
    public static FieldDescriptor NameField(MessageDescriptor type) =>
        type.FindFieldByName("name") ?? type.FindFieldByName("cluster_name");
}
