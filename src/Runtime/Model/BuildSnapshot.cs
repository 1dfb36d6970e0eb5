using System.Net;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Endpoint.V3;
using Envoy.Config.Listener.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Service.Discovery.V3;
using Google.Protobuf;
using Meshc.Compiler.BackEnds.Xds;
using Meshc.EnvoyApi;
using Meshc.Runtime.Loading;
using Meshc.Runtime.Routing;
using CoreHttpProtocolOptions = Envoy.Config.Core.V3.HttpProtocolOptions;
using UpstreamHttpOptions = Envoy.Extensions.Upstreams.Http.V3.HttpProtocolOptions;

namespace Meshc.Runtime.Model;

/// <summary>
/// Builds a <see cref="RuntimeSnapshot"/> from a verified bundle's typed xDS (xds/listeners, routes, clusters,
/// endpoints). Listeners bind at their socket address and port (the proxy port the compiler allocated), or at the
/// addresses of <c>xds/redirects.json</c>'s bindings; the proxy adds <c>--port-offset</c>. Returns an error instead of throwing when the xDS cannot be read.
/// </summary>
public static class BuildSnapshot
{
    private const string HcmFilter = "envoy.filters.network.http_connection_manager";
    private const string HttpProtocolOptionsKey = "envoy.extensions.upstreams.http.v3.HttpProtocolOptions";

    public static (RuntimeSnapshot? Snapshot, string? Error) From(LoadedBundle bundle) => From(bundle, SecretStore.Empty);

    /// <summary>
    /// Builds the snapshot and resolves the TLS secrets its listeners and clusters name against <paramref name="secrets"/>.
    /// A listener whose secret is missing or broken is kept out (<see cref="RuntimeSnapshot.ListenerErrors"/>) while the
    /// others serve; a cluster whose CA bundle is missing fails every upstream TLS handshake (503s).
    /// </summary>
    public static (RuntimeSnapshot? Snapshot, string? Error) From(LoadedBundle bundle, SecretStore secrets)
    {
        try
        {
            var xds = new SortedDictionary<string, string>(StringComparer.Ordinal);
            IReadOnlyList<T> Read<T>(string path) where T : IMessage<T>, new()
            {
                if (!bundle.Files.ContainsKey(path)) return [];
                var file = path[(path.LastIndexOf('/') + 1)..];
                xds[file] = bundle.ReadText(path);
                return EnvoyJson.Parse<DiscoveryResponse>(xds[file]).Resources.Select(r => r.Unpack<T>()).ToList();
            }
            var listeners = Read<Listener>(XdsFiles.Listeners);
            var routes = Read<RouteConfiguration>(XdsFiles.Routes);
            var clusters = Read<Cluster>(XdsFiles.Clusters);
            var assignments = Read<ClusterLoadAssignment>(XdsFiles.Endpoints).ToDictionary(a => a.ClusterName, StringComparer.Ordinal);

            var tables = new Dictionary<string, RouteTable>(StringComparer.Ordinal);
            foreach (var rc in routes) tables[rc.Name] = new RouteTable(rc);
            var listenerModels = new List<ListenerModel>();
            foreach (var l in listeners)
            {
                string RouteName(HttpConnectionManager hcm, string chain)
                {
                    if (hcm.RouteSpecifierCase != HttpConnectionManager.RouteSpecifierOneofCase.RouteConfig) return hcm.Rds?.RouteConfigName ?? "";
                    // An inline route table is private to its listener (and chain): key it by their names.
                    var name = "listener:" + l.Name + chain;
                    tables[name] = new RouteTable(hcm.RouteConfig);
                    return name;
                }
                var plain = HttpManagers(l).FirstOrDefault();
                var tlsChains = TlsChainReader.Chains(l, hcm => RouteName(hcm, ":tls"), Hcm);
                if (plain is null && tlsChains.Count == 0) continue;
                var addr = l.Address?.SocketAddress;
                var bufferLimit = l.PerConnectionBufferLimitBytes is { } limit ? (int)Math.Min(limit, int.MaxValue) : ListenerModel.DefaultBufferLimit;
                // One plaintext HTTP connection manager per listener is served (the raw-buffer chain).
                listenerModels.Add(new ListenerModel(l.Name, addr?.Address ?? "127.0.0.1", (int)(addr?.PortValue ?? 0),
                    plain is null ? "" : RouteName(plain, ""), plain is null ? HcmSettings.Default : Hcm(plain), bufferLimit)
                {
                    HasPlaintext = plain is not null,
                    TlsChains = tlsChains,
                });
            }
            var clusterModels = clusters.ToDictionary(c => c.Name, c => ClusterFrom(c, assignments) with { Tls = TlsChainReader.Upstream(c) }, StringComparer.Ordinal);
            var (material, listenerErrors) = Resolve(listenerModels, clusterModels.Values, secrets);
            return (new RuntimeSnapshot(bundle.Manifest.Id, listenerModels, tables, clusterModels, xds)
            {
                Bindings = AddressBindingReader.Read(bundle),
                Tls = material,
                ListenerErrors = listenerErrors,
                SecretsFingerprint = secrets.Fingerprint,
            }, null);
        }
        catch (Exception e) when (e is EnvoyJsonException or System.Text.Json.JsonException or KeyNotFoundException or InvalidProtocolBufferException or InvalidOperationException or FormatException or ArgumentException)
        {
            return (null, $"{bundle.Folder}: cannot build a runtime snapshot: {e.Message}");
        }
    }

    /// <summary>Loads every secret the snapshot names; a listener with a missing one gets an error and is not served.</summary>
    private static (TlsMaterial, IReadOnlyDictionary<string, string>) Resolve(IEnumerable<ListenerModel> listeners, IEnumerable<ClusterModel> clusters, SecretStore secrets)
    {
        var material = new TlsMaterial();
        var errors = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var listener in listeners)
        foreach (var chain in listener.TlsChains.OfType<TerminatingChainModel>())
        {
            var problems = chain.CertificateSds.Select(sds => material.AddCertificate(secrets, sds)).ToList();
            if (chain.Client is { } client) problems.Add(material.AddAuthority(secrets, client.CaSds));
            if (problems.FirstOrDefault(p => p is not null) is { } problem && !errors.ContainsKey(listener.Name)) errors[listener.Name] = problem;
        }
        foreach (var cluster in clusters)
            if (cluster.Tls?.CaSds is { } ca) material.AddAuthority(secrets, ca);
        return (material, errors);
    }

    private static IEnumerable<HttpConnectionManager> HttpManagers(Listener l) =>
        l.FilterChains.Where(fc => fc.TransportSocket is null && !TlsChainReader.IsTls(fc))
            .SelectMany(fc => fc.Filters)
            .Where(f => f.Name == HcmFilter && f.TypedConfig is not null)
            .Select(f => f.TypedConfig.Unpack<HttpConnectionManager>());

    private static HcmSettings Hcm(HttpConnectionManager hcm)
    {
        var ranges = hcm.InternalAddressConfig?.CidrRanges
            .Select(c => new CidrRange(IPAddress.Parse(c.AddressPrefix), (int)(c.PrefixLen ?? 0))).ToList() ?? [];
        return new HcmSettings(hcm.StatPrefix, hcm.UseRemoteAddress ?? false, hcm.XffNumTrustedHops, ranges, hcm.GenerateRequestId ?? true)
        {
            Paths = new PathSettings(hcm.NormalizePath ?? false, hcm.MergeSlashes, EscapedSlashes(hcm.PathWithEscapedSlashesAction)),
            Edge = Edge(hcm),
            CorsFilter = hcm.HttpFilters.FirstOrDefault(f => !f.Disabled && f.TypedConfig?.Is(Envoy.Extensions.Filters.Http.Cors.V3.Cors.Descriptor) == true)?.Name,
        };
    }

    private static EscapedSlashesAction EscapedSlashes(HttpConnectionManager.Types.PathWithEscapedSlashesAction action) => action switch
    {
        // IMPLEMENTATION_SPECIFIC_DEFAULT is Envoy's KEEP_UNCHANGED.
        HttpConnectionManager.Types.PathWithEscapedSlashesAction.ImplementationSpecificDefault => EscapedSlashesAction.KeepUnchanged,
        HttpConnectionManager.Types.PathWithEscapedSlashesAction.KeepUnchanged => EscapedSlashesAction.KeepUnchanged,
        HttpConnectionManager.Types.PathWithEscapedSlashesAction.RejectRequest => EscapedSlashesAction.RejectRequest,
        HttpConnectionManager.Types.PathWithEscapedSlashesAction.UnescapeAndRedirect => EscapedSlashesAction.UnescapeAndRedirect,
        HttpConnectionManager.Types.PathWithEscapedSlashesAction.UnescapeAndForward => EscapedSlashesAction.UnescapeAndForward,
        _ => throw new InvalidOperationException($"unknown path_with_escaped_slashes_action {action}"),
    };

    private static EdgeSettings Edge(HttpConnectionManager hcm)
    {
        var http1 = hcm.HttpProtocolOptions;
        var common = hcm.CommonHttpProtocolOptions;
        return new EdgeSettings(
            (int)(hcm.MaxRequestHeadersKb ?? EdgeSettings.DefaultMaxRequestHeadersKb),
            (int)Math.Min(common?.MaxHeadersCount ?? EdgeSettings.DefaultMaxHeadersCount, int.MaxValue),
            common?.HeadersWithUnderscoresAction switch
            {
                null or CoreHttpProtocolOptions.Types.HeadersWithUnderscoresAction.Allow => UnderscoreHeaders.Allow,
                CoreHttpProtocolOptions.Types.HeadersWithUnderscoresAction.RejectRequest => UnderscoreHeaders.RejectRequest,
                CoreHttpProtocolOptions.Types.HeadersWithUnderscoresAction.DropHeader => UnderscoreHeaders.DropHeader,
                var other => throw new InvalidOperationException($"unknown headers_with_underscores_action {other}"),
            },
            http1?.AcceptHttp10 ?? false,
            http1?.DefaultHostForHttp10 ?? "",
            http1?.AllowAbsoluteUrl ?? true,
            http1?.AllowChunkedLength ?? false);
    }

    private static ClusterModel ClusterFrom(Cluster c, IReadOnlyDictionary<string, ClusterLoadAssignment> assignments)
    {
        var cla = c.LoadAssignment is { } inline && inline.Endpoints.Count > 0
            ? inline
            : assignments.GetValueOrDefault(c.EdsClusterConfig?.ServiceName is { Length: > 0 } s ? s : c.Name);
        var endpoints = cla?.Endpoints.SelectMany(le => le.LbEndpoints)
            .Select(e => e.Endpoint?.Address?.SocketAddress)
            .Where(a => a is not null)
            .Select(a => new EndpointModel(a!.Address, (int)a.PortValue))
            .ToList() ?? [];
        var timeout = c.ConnectTimeout?.ToTimeSpan() ?? TimeSpan.FromSeconds(5);
        var service = c.EdsClusterConfig?.ServiceName is { Length: > 0 } svc ? svc : null;
        return new ClusterModel(c.Name, endpoints, c.LbPolicy.ToString(), timeout, service, OutlierSettings.From(c.OutlierDetection), Protocol(c));
    }

    private static UpstreamProtocol Protocol(Cluster c)
    {
        if (!c.TypedExtensionProtocolOptions.TryGetValue(HttpProtocolOptionsKey, out var any)) return UpstreamProtocol.Http1;
        var options = any.Unpack<UpstreamHttpOptions>();
        return options.UpstreamProtocolOptionsCase switch
        {
            UpstreamHttpOptions.UpstreamProtocolOptionsOneofCase.ExplicitHttpConfig when options.ExplicitHttpConfig.Http2ProtocolOptions is not null => UpstreamProtocol.Http2,
            UpstreamHttpOptions.UpstreamProtocolOptionsOneofCase.UseDownstreamProtocolConfig when options.UseDownstreamProtocolConfig.Http2ProtocolOptions is not null => UpstreamProtocol.Downstream,
            _ => UpstreamProtocol.Http1,
        };
    }
}
