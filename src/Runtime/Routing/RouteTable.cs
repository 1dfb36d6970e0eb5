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
        Name = config.Name;
        _hosts = new VirtualHostSelector<CompiledVirtualHost>(
            config.VirtualHosts.Select(v => ((IEnumerable<string>)v.Domains, new CompiledVirtualHost(v, config))), config.IgnorePortInHostMatching);
        _requestHeaders = HeaderMutation.From(config.RequestHeadersToAdd, config.RequestHeadersToRemove);
        _responseHeaders = HeaderMutation.From(config.ResponseHeadersToAdd, config.ResponseHeadersToRemove);
    }

    public string Name { get; }

    public RouteDecision Route(RouteRequest request, Func<ulong> random)
    {
        var host = _hosts.Select(request.Authority);
        if (host is null) return new NoRouteDecision();
        foreach (var route in host.Routes)
            if (route.Matches(request))
                return route.Decide(request, random, host.RequestHeaders, host.ResponseHeaders, _requestHeaders, _responseHeaders);
        return new NoRouteDecision();
    }

    private sealed class CompiledVirtualHost(VirtualHost v, RouteConfiguration config)
    {
        public IReadOnlyList<CompiledRoute> Routes { get; } = v.Routes.Select(r => new CompiledRoute(r, v.RetryPolicy,
            v.RequestMirrorPolicies.Count > 0 ? v.RequestMirrorPolicies : config.RequestMirrorPolicies,
            new AttemptCount(v.IncludeRequestAttemptCount, v.IncludeAttemptCountInResponse))).ToList();
        public HeaderMutation RequestHeaders { get; } = HeaderMutation.From(v.RequestHeadersToAdd, v.RequestHeadersToRemove);
        public HeaderMutation ResponseHeaders { get; } = HeaderMutation.From(v.ResponseHeadersToAdd, v.ResponseHeadersToRemove);
    }
}
