using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using Google.Protobuf.WellKnownTypes;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;
using Meshc.Compiler.Text;
using Cluster = Envoy.Config.Cluster.V3.Cluster;
using OutlierDetection = Envoy.Config.Cluster.V3.OutlierDetection;
using UpstreamHttpOptions = Envoy.Extensions.Upstreams.Http.V3.HttpProtocolOptions;
using CoreHttpProtocolOptions = Envoy.Config.Core.V3.HttpProtocolOptions;

namespace Meshc.Compiler.BackEnds.Xds.Gateway;

/// <summary>Builds the EDS clusters of a Gateway: one per Service port its routes send or mirror to.</summary>
internal static class ClusterBuilder
{
    public const string HttpProtocolOptionsKey = "envoy.extensions.upstreams.http.v3.HttpProtocolOptions";

    /// <summary>The appProtocol that asks for cleartext HTTP/2 to the backend (KEP-3726).</summary>
    public const string H2cAppProtocol = "kubernetes.io/h2c";

    /// <summary>
    /// Every backend and mirror target once, sorted by cluster name. Backends of rules that redirect or answer 500 count
    /// too: Cilium builds clusters from the resolved backends, whatever the route then does with them. A cluster takes
    /// the <see cref="UpstreamPolicy"/> of the first route (in plan order) that sends to it with one; a later route
    /// with other settings for the same cluster is warned about (MC0392).
    /// </summary>
    public static IReadOnlyList<Cluster> Build(ProxyPlan plan, string cecName, CompilationOptions options, DiagnosticBag diagnostics)
    {
        var targets = new SortedDictionary<string, (ServiceTarget Target, bool Http2)>(StringComparer.Ordinal);
        var policies = new Dictionary<string, (UpstreamPolicy Policy, Route Route)>(StringComparer.Ordinal);
        var warned = new HashSet<(string, ObjectKey)>();
        void Use(ServiceTarget target, bool grpc, Route route)
        {
            Add(targets, target, grpc);
            if (route.Upstream is not { } policy) return;
            if (!policies.TryGetValue(target.ClusterName, out var first)) policies[target.ClusterName] = (policy, route);
            else if (!Same(first.Policy, policy) && warned.Add((target.ClusterName, route.Key)))
                diagnostics.ReportUpstreamPolicyConflict(policy.Origin, route.KindName, route.Key.QualifiedName, target.ClusterName,
                    $"{first.Route.KindName} '{first.Route.Key.QualifiedName}'", $"{plan.Namespace}/{cecName}");
        }
        foreach (var source in plan.Sources)
        {
            foreach (var backend in source.Rule.Backends) Use(backend.Target, source.IsGrpc, source.Attachment.Route);
            foreach (var mirror in source.Rule.Mirrors) Use(mirror.Target, false, source.Attachment.Route);
        }
        // Passthrough backends carry TCP: Cilium's TLS cluster has no HTTP protocol options (an HTTP route to the same
        // Service port keeps its HTTP cluster, which a TCP proxy can use as well).
        var tcp = new SortedDictionary<string, ServiceTarget>(StringComparer.Ordinal);
        foreach (var chain in plan.Passthrough)
            foreach (var backend in chain.Backends)
                if (!targets.ContainsKey(backend.Target.ClusterName)) tcp[backend.Target.ClusterName] = backend.Target;
        return targets.Values
            .Select(t => Build(t.Target, t.Http2, options, policies.TryGetValue(t.Target.ClusterName, out var p) ? p.Policy : null))
            .Concat(tcp.Values.Select(TcpCluster))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static bool Same(UpstreamPolicy a, UpstreamPolicy b) => a with { Origin = SourceLocation.None } == b with { Origin = SourceLocation.None };

    /// <summary>A passthrough backend: EDS, round robin, outlier detection, nothing HTTP.</summary>
    private static Cluster TcpCluster(ServiceTarget target) => new()
    {
        Name = target.ClusterName,
        Type = Cluster.Types.DiscoveryType.Eds,
        EdsClusterConfig = new Cluster.Types.EdsClusterConfig { ServiceName = target.EdsServiceName },
        LbPolicy = Cluster.Types.LbPolicy.RoundRobin,
        OutlierDetection = new OutlierDetection { SplitExternalLocalOriginErrors = true },
    };

    private static void Add(SortedDictionary<string, (ServiceTarget Target, bool Http2)> targets, ServiceTarget target, bool grpc)
    {
        var http2 = grpc || target.AppProtocol == H2cAppProtocol;
        targets[target.ClusterName] = targets.TryGetValue(target.ClusterName, out var known)
            ? (known.Target, known.Http2 || http2)
            : (target, http2);
    }

    /// <summary>
    /// EDS with the global service name <c>ns/svc:port</c>, round robin, outlier detection that tells local-origin
    /// failures (refused connections) apart, and an upstream idle timeout. gRPC backends and h2c Services get explicit
    /// HTTP/2; the others follow the downstream protocol.
    /// </summary>
    public static Cluster Build(ServiceTarget target, bool http2, CompilationOptions options, UpstreamPolicy? policy = null)
    {
        var protocol = new UpstreamHttpOptions
        {
            CommonHttpProtocolOptions = new CoreHttpProtocolOptions { IdleTimeout = Duration.FromTimeSpan(options.UpstreamIdleTimeout) },
        };
        if (http2)
        {
            protocol.ExplicitHttpConfig = new UpstreamHttpOptions.Types.ExplicitHttpConfig { Http2ProtocolOptions = new Http2ProtocolOptions() };
        }
        else
        {
            protocol.UseDownstreamProtocolConfig = new UpstreamHttpOptions.Types.UseDownstreamHttpConfig { Http2ProtocolOptions = new Http2ProtocolOptions() };
        }
        var cluster = new Cluster
        {
            Name = target.ClusterName,
            Type = Cluster.Types.DiscoveryType.Eds,
            // The agent adds the EDS config source and publishes this load assignment from spec.backendServices.
            EdsClusterConfig = new Cluster.Types.EdsClusterConfig { ServiceName = target.EdsServiceName },
            LbPolicy = Cluster.Types.LbPolicy.RoundRobin,
            OutlierDetection = new OutlierDetection { SplitExternalLocalOriginErrors = true },
        };
        cluster.TypedExtensionProtocolOptions.Add(HttpProtocolOptionsKey, Any.Pack(protocol));
        if (target.Tls is { } tls) cluster.TransportSocket = UpstreamTlsBuilder.Build(tls, options);
        if (policy is not null) UpstreamPolicyBuilder.Apply(cluster, policy);
        return cluster;
    }
}
