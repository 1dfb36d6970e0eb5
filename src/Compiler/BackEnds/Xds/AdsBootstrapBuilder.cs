using System.Text.Json.Nodes;
using Envoy.Config.Bootstrap.V3;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using Envoy.Config.Endpoint.V3;
using Google.Protobuf.WellKnownTypes;
using Meshc.Compiler.Bundle;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Semantics;
using Meshc.EnvoyApi;
using UpstreamHttpOptions = Envoy.Extensions.Upstreams.Http.V3.HttpProtocolOptions;

namespace Meshc.Compiler.BackEnds.Xds;

/// <summary>
/// <c>--emit envoy-ads</c>: one Envoy bootstrap per Gateway, <c>envoy/ads-bootstrap-&lt;namespace&gt;-&lt;gateway&gt;.yaml</c>,
/// that takes listeners and clusters (and through them routes and endpoints) over ADS from <c>meshc serve</c>: gRPC to
/// a static cluster <c>meshc-xds</c> (HTTP/2) at <see cref="CompilationOptions.XdsServer"/>, resource API V3, node id
/// and cluster <c>&lt;namespace&gt;/&lt;gateway&gt;</c> (what the server selects the Gateway's resources by).
/// </summary>
internal static class AdsBootstrapBuilder
{
    /// <summary>The static cluster the bootstraps reach the server through.</summary>
    public const string ServerCluster = "meshc-xds";

    private const string HttpProtocolOptionsKey = "envoy.extensions.upstreams.http.v3.HttpProtocolOptions";

    public static string PathOf(string ns, string gateway) => $"envoy/ads-bootstrap-{ns}-{gateway}.yaml";

    public static void Build(BoundMesh mesh, CompilationOptions options, DiagnosticBag diagnostics, BundleBuilder bundle)
    {
        foreach (var gateway in mesh.Gateways.Select(g => g.Gateway.Meta).OrderBy(m => m.Namespace, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal))
        {
            var node = $"{gateway.Namespace}/{gateway.Name}";
            var bootstrap = Bootstrap(node, options.XdsServer);
            if (!EmitValidation.Check(bootstrap, node, gateway.Origin, diagnostics)) continue;
            var header = $"""
                # Envoy bootstrap written by meshc for Gateway {node}: listeners, routes, clusters and endpoints come over ADS
                # from meshc serve at {options.XdsServer}.  envoy -c {PathOf(gateway.Namespace, gateway.Name)}
                """;
            bundle.AddText(PathOf(gateway.Namespace, gateway.Name), header + "\n" + JsonYamlWriter.Write(JsonNode.Parse(EnvoyJson.Format(bootstrap))!));
        }
    }

    /// <summary>The bootstrap of node <paramref name="node"/> fed by the server at <paramref name="server"/> (HOST:PORT).</summary>
    public static Bootstrap Bootstrap(string node, string server)
    {
        var colon = server.LastIndexOf(':');
        var host = server[..colon].Trim('[', ']');
        var port = uint.Parse(server[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var ads = new ConfigSource { Ads = new AggregatedConfigSource(), ResourceApiVersion = ApiVersion.V3 };
        var cluster = new Cluster
        {
            Name = ServerCluster,
            // A name (the server's Service in a cluster) is resolved and followed; an address is used as it is.
            Type = System.Net.IPAddress.TryParse(host, out _) ? Cluster.Types.DiscoveryType.Static : Cluster.Types.DiscoveryType.StrictDns,
            ConnectTimeout = Duration.FromTimeSpan(TimeSpan.FromSeconds(5)),
            LoadAssignment = new ClusterLoadAssignment
            {
                ClusterName = ServerCluster,
                Endpoints =
                {
                    new LocalityLbEndpoints
                    {
                        LbEndpoints = { new LbEndpoint { Endpoint = new Endpoint { Address = new Address { SocketAddress = new SocketAddress { Address = host, PortValue = port } } } } },
                    },
                },
            },
        };
        cluster.TypedExtensionProtocolOptions[HttpProtocolOptionsKey] = Any.Pack(new UpstreamHttpOptions
        {
            ExplicitHttpConfig = new UpstreamHttpOptions.Types.ExplicitHttpConfig { Http2ProtocolOptions = new Http2ProtocolOptions() },
        });
        return new Bootstrap
        {
            Node = new Node { Id = node, Cluster = node },
            Admin = new Admin
            {
                Address = new Address { SocketAddress = new SocketAddress { Address = "127.0.0.1", PortValue = BootstrapBuilder.AdminPort } },
            },
            DynamicResources = new Bootstrap.Types.DynamicResources
            {
                AdsConfig = new ApiConfigSource
                {
                    ApiType = ApiConfigSource.Types.ApiType.Grpc,
                    TransportApiVersion = ApiVersion.V3,
                    SetNodeOnFirstMessageOnly = true,
                    GrpcServices = { new GrpcService { EnvoyGrpc = new GrpcService.Types.EnvoyGrpc { ClusterName = ServerCluster } } },
                },
                LdsConfig = ads,
                CdsConfig = ads.Clone(),
            },
            StaticResources = new Bootstrap.Types.StaticResources { Clusters = { cluster } },
        };
    }
}
