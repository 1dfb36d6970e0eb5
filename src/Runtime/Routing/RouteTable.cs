using Envoy.Config.Route.V3;

namespace Meshc.Runtime.Routing;

/// <summary>A compiled RouteConfiguration: virtual host selection, then the first matching route of that host.</summary>
public sealed class RouteTable
{
    private readonly VirtualHostSelector<CompiledVirtualHost> _hosts;
    private readonly HeaderMutation _requestHeaders;
    private readonly HeaderMutation _responseHeaders;

    public RouteTable(RouteConfiguration config)
    {
        Configuration = config;
        _hosts = new VirtualHostSelector<CompiledVirtualHost>(
            config.VirtualHosts.Select((v, i) => ((IEnumerable<string>)v.Domains, new CompiledVirtualHost(v, i, config))), config.IgnorePortInHostMatching);
        _requestHeaders = HeaderMutation.From(config.RequestHeadersToAdd, config.RequestHeadersToRemove);
        _responseHeaders = HeaderMutation.From(config.ResponseHeadersToAdd, config.ResponseHeadersToRemove);
    }

    public string Name => Configuration.Name;

    /// <summary>The configuration this table was compiled from (route tests enumerate its routes for coverage).</summary>
    public RouteConfiguration Configuration { get; }

    /// <summary>
    /// The decision for <paramref name="request"/>, through the HCM's CORS filter when it has one (named
    /// <paramref name="corsFilter"/>, the key of the routes' per-filter configuration).
    /// </summary>
    public RouteDecision Route(RouteRequest request, Func<ulong> random, string? corsFilter)
    {
        if (Find(request) is not { } hit) return new NoRouteDecision();
        var decision = hit.Decide(request, random);
        return corsFilter is null ? decision : hit.Cors(corsFilter).Apply(decision, request, random);
    }

    /// <summary>The virtual host and route that serve <paramref name="request"/>, or null when none does (a 404).</summary>
    public RouteHit? Find(RouteRequest request)
    {
        var host = _hosts.Select(request.Authority);
        if (host is null) return null;
        for (var i = 0; i < host.Routes.Count; i++)
            if (host.Routes[i].Matches(request))
                return new RouteHit(this, host, i);
        return null;
    }

    /// <summary>A matched route: where it sits in the configuration, and the decision it makes.</summary>
    public sealed class RouteHit
    {
        private readonly RouteTable _table;
        private readonly CompiledVirtualHost _host;

        internal RouteHit(RouteTable table, CompiledVirtualHost host, int routeIndex)
        {
            _table = table;
            _host = host;
            RouteIndex = routeIndex;
        }

        /// <summary>The virtual host's position in <see cref="Configuration"/>.</summary>
        public int VirtualHostIndex => _host.Index;

        public VirtualHost VirtualHost => _host.Source;

        /// <summary>The route's position in its virtual host.</summary>
        public int RouteIndex { get; }

        public Route Route => _host.Source.Routes[RouteIndex];

        public RouteDecision Decide(RouteRequest request, Func<ulong> random) =>
            _host.Routes[RouteIndex].Decide(request, random, _host.RequestHeaders, _host.ResponseHeaders, _table._requestHeaders, _table._responseHeaders);

        /// <summary>
        /// The CORS policies of the route and its virtual host for the filter <paramref name="filterName"/>, most specific
        /// first; the deprecated <c>cors</c> fields count only when neither level has a per-filter entry, as in Envoy.
        /// </summary>
        public CorsFilter Cors(string filterName)
        {
            var route = _host.Routes[RouteIndex];
            CorsPolicySpec?[] typed = [route.CorsPolicies.GetValueOrDefault(filterName), _host.CorsPolicies.GetValueOrDefault(filterName)];
            var levels = typed.OfType<CorsPolicySpec>().ToList();
            if (levels.Count == 0) levels = new CorsPolicySpec?[] { route.LegacyCors, _host.LegacyCors }.OfType<CorsPolicySpec>().ToList();
            return levels.Count == 0 ? CorsFilter.None : new CorsFilter(levels);
        }

        /// <summary>The first of the virtual host's virtual clusters whose headers all match, as Envoy picks one for its stats.</summary>
        public string? VirtualCluster(RouteRequest request) =>
            _host.VirtualClusters.FirstOrDefault(v => v.Headers.All(h => h.Matches(request))).Name;
    }

    internal sealed class CompiledVirtualHost(VirtualHost v, int index, RouteConfiguration config)
    {
        public VirtualHost Source { get; } = v;
        public int Index { get; } = index;
        public IReadOnlyList<CompiledRoute> Routes { get; } = v.Routes.Select(r => new CompiledRoute(r, v.RetryPolicy,
            v.RequestMirrorPolicies.Count > 0 ? v.RequestMirrorPolicies : config.RequestMirrorPolicies,
            new AttemptCount(v.IncludeRequestAttemptCount, v.IncludeAttemptCountInResponse))).ToList();
        public HeaderMutation RequestHeaders { get; } = HeaderMutation.From(v.RequestHeadersToAdd, v.RequestHeadersToRemove);
        public IReadOnlyDictionary<string, CorsPolicySpec> CorsPolicies { get; } = CorsPolicySpec.AllFromPerFilter(v.TypedPerFilterConfig);
#pragma warning disable CS0612 // the deprecated field still counts when no level has a typed_per_filter_config entry
        public CorsPolicySpec? LegacyCors { get; } = CorsPolicySpec.FromLegacy(v.Cors);
#pragma warning restore CS0612
        public HeaderMutation ResponseHeaders { get; } = HeaderMutation.From(v.ResponseHeadersToAdd, v.ResponseHeadersToRemove);
        public IReadOnlyList<(string? Name, IReadOnlyList<HeaderMatch> Headers)> VirtualClusters { get; } =
            v.VirtualClusters.Select(c => ((string?)c.Name, (IReadOnlyList<HeaderMatch>)c.Headers.Select(HeaderMatch.From).ToList())).ToList();
    }
}
