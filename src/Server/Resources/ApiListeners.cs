using Envoy.Config.Core.V3;
using Envoy.Config.Listener.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Http.Router.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Google.Protobuf.WellKnownTypes;

namespace Meshc.Server.Resources;

/// <summary>
/// The API-listener form of a Gateway's or a claimed Service's routes, for proxyless gRPC clients (gRFC A27), named as
/// Istio names them: a client dials <c>xds:///NAME</c> and asks LDS for NAME, and the listener's route configuration
/// has the same NAME. Every Service the bundle redirects to an HTTP listener gets
/// <c>&lt;service&gt;.&lt;namespace&gt;.svc.cluster.local:&lt;port&gt;</c> for each redirected port (for a Gateway, its
/// Service <c>cilium-gateway-&lt;gateway&gt;</c>), and every exact hostname among that listener's virtual hosts gets
/// <c>&lt;hostname&gt;:&lt;port&gt;</c>. The listener carries only an HTTP connection manager that reads its route
/// configuration over ADS, with the router as its one filter: a gRPC client refuses filters it does not know. The
/// route configuration is the listener's own, in the subset gRPC clients accept (gRFC A28): a
/// <c>path_separated_prefix</c> <c>/S</c> (Cilium's form of a GRPCRoute service match) becomes the prefix <c>/S/</c>,
/// which matches the same gRPC calls (their paths are always <c>/service/method</c>), and routes that redirect or
/// answer directly are left out (a gRPC client can follow neither). gRPC picks the virtual host by the dialled name
/// (<c>hostname:port</c> matches Cilium's <c>hostname:*</c> domains, and a route without hostnames has <c>*</c>).
/// </summary>
public static class ApiListeners
{
    private const string HcmFilter = "envoy.filters.network.http_connection_manager";
    private const string RouterFilter = "envoy.filters.http.router";
    public const string ClusterDomain = "svc.cluster.local";

    /// <summary>A redirected Service: its ports and the listener serving them (the bundle's <c>services</c>).</summary>
    public sealed record RedirectedService(string Namespace, string Name, IReadOnlyList<int> Ports, string Listener);

    /// <summary>One API listener, its gRPC route configuration (same name), and the route configuration it was made from.</summary>
    public sealed record Proxyless(XdsResource Listener, XdsResource Route, string SourceRoute);

    /// <summary>The API listeners for <paramref name="services"/>, by name; the first claim of a name keeps it.</summary>
    public static IReadOnlyList<Proxyless> Build(IEnumerable<RedirectedService> services,
        IReadOnlyDictionary<string, XdsResource> listeners, IReadOnlyDictionary<string, XdsResource> routes)
    {
        var result = new SortedDictionary<string, Proxyless>(StringComparer.Ordinal);
        foreach (var service in services.OrderBy(s => s.Namespace, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal))
        {
            if (!listeners.TryGetValue(service.Listener, out var listener) || RouteName((Listener)listener.Message) is not { } routeName
                || !routes.TryGetValue(routeName, out var route)) continue;
            var source = (RouteConfiguration)route.Message;
            var hostnames = ExactDomains(source);
            foreach (var port in service.Ports)
            {
                IEnumerable<string> names = [$"{service.Name}.{service.Namespace}.{ClusterDomain}:{port}", .. hostnames.Select(h => $"{h}:{port}")];
                foreach (var name in names)
                    if (!result.ContainsKey(name))
                        result[name] = new Proxyless(new XdsResource(name, Listener(name)), new XdsResource(name, GrpcRoutes(name, source)), routeName);
            }
        }
        return [.. result.Values];
    }

    /// <summary>The route configuration in the subset gRPC accepts, under <paramref name="name"/>.</summary>
    private static RouteConfiguration GrpcRoutes(string name, RouteConfiguration source)
    {
        var config = source.Clone();
        config.Name = name;
        foreach (var host in config.VirtualHosts)
        {
            var kept = host.Routes.Where(r => r.ActionCase == Route.ActionOneofCase.Route_).ToList();
            host.Routes.Clear();
            foreach (var route in kept)
            {
                var match = route.Match;
                if (match.PathSpecifierCase == RouteMatch.PathSpecifierOneofCase.PathSeparatedPrefix)
                    match.Prefix = match.PathSeparatedPrefix.TrimEnd('/') + "/";
                if (match.PathSpecifierCase is RouteMatch.PathSpecifierOneofCase.Prefix or RouteMatch.PathSpecifierOneofCase.Path
                    or RouteMatch.PathSpecifierOneofCase.SafeRegex)
                    host.Routes.Add(route);
            }
        }
        return config;
    }

    /// <summary>The route configuration the listener's plain-text HTTP connection manager reads over RDS, if any.</summary>
    private static string? RouteName(Listener listener) =>
        listener.FilterChains.Where(c => c.TransportSocket is null)
            .SelectMany(c => c.Filters)
            .Where(f => f.Name == HcmFilter && f.TypedConfig is not null && f.TypedConfig.Is(HttpConnectionManager.Descriptor))
            .Select(f => f.TypedConfig.Unpack<HttpConnectionManager>())
            .Where(h => h.RouteSpecifierCase == HttpConnectionManager.RouteSpecifierOneofCase.Rds)
            .Select(h => h.Rds.RouteConfigName)
            .FirstOrDefault();

    private static IReadOnlyList<string> ExactDomains(RouteConfiguration route) =>
        [.. route.VirtualHosts.SelectMany(v => v.Domains).Where(d => !d.Contains('*') && !d.Contains(':')).Distinct().Order(StringComparer.Ordinal)];

    private static Listener Listener(string name) => new()
    {
        Name = name,
        ApiListener = new ApiListener
        {
            ApiListener_ = Any.Pack(new HttpConnectionManager
            {
                StatPrefix = name,
                Rds = new Rds
                {
                    RouteConfigName = name,
                    ConfigSource = new ConfigSource { Ads = new AggregatedConfigSource(), ResourceApiVersion = ApiVersion.V3 },
                },
                HttpFilters = { new HttpFilter { Name = RouterFilter, TypedConfig = Any.Pack(new Router()) } },
            }),
        },
    };
}
