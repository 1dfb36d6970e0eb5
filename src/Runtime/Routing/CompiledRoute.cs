using System.Text.RegularExpressions;
using Envoy.Config.Route.V3;

namespace Meshc.Runtime.Routing;

/// <summary>One route with its matchers compiled; <see cref="Decide"/> turns a matching request into a decision.</summary>
public sealed class CompiledRoute
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private readonly Route _route;
    private readonly PathMatch _path;
    private readonly IReadOnlyList<HeaderMatch> _headers;
    private readonly IReadOnlyList<QueryMatch> _query;
    private readonly RedirectBuilder? _redirect;
    private readonly Regex? _regexRewrite;
    private readonly RetrySpec? _retry;
    private readonly HeaderMutation _requestHeaders;
    private readonly HeaderMutation _responseHeaders;
    private readonly IReadOnlyList<MirrorSpec> _mirrors;
    private readonly AttemptCount _attemptCount;

    public CompiledRoute(Route route, RetryPolicy? virtualHostRetry)
        : this(route, virtualHostRetry, [], AttemptCount.None)
    {
    }

    /// <summary>
    /// A route of a virtual host: <paramref name="inheritedMirrors"/> are the virtual host's mirror policies, else the route
    /// configuration's (the most specific non-empty list wins); <paramref name="attemptCount"/> is the virtual host's setting.
    /// </summary>
    public CompiledRoute(Route route, RetryPolicy? virtualHostRetry, IReadOnlyList<RouteAction.Types.RequestMirrorPolicy> inheritedMirrors, AttemptCount attemptCount)
    {
        _route = route;
        _path = PathMatch.From(route.Match);
        _headers = route.Match.Headers.Select(HeaderMatch.From).ToList();
        _query = route.Match.QueryParameters.Select(QueryMatch.From).ToList();
        if (route.ActionCase == Route.ActionOneofCase.Redirect) _redirect = new RedirectBuilder(route.Redirect, _path);
        if (route.Route_?.RegexRewrite is { } rr) _regexRewrite = PathRewrite.Compile(rr.Pattern.Regex);
        // A route-level retry policy replaces the virtual host's entirely.
        _retry = RetrySpec.From(route.Route_?.RetryPolicy ?? virtualHostRetry);
        _requestHeaders = HeaderMutation.From(route.RequestHeadersToAdd, route.RequestHeadersToRemove);
        _responseHeaders = HeaderMutation.From(route.ResponseHeadersToAdd, route.ResponseHeadersToRemove);
        var action = route.Route_;
        var mirrors = action is { RequestMirrorPolicies.Count: > 0 } ? action.RequestMirrorPolicies : inheritedMirrors;
        var hostRewritten = action?.HostRewriteSpecifierCase == RouteAction.HostRewriteSpecifierOneofCase.HostRewriteLiteral;
        _mirrors = mirrors.Select(m => MirrorSpec.From(m, hostRewritten)).ToList();
        _attemptCount = attemptCount;
        CorsPolicies = CorsPolicySpec.AllFromPerFilter(route.TypedPerFilterConfig);
#pragma warning disable CS0612 // the deprecated field still counts when no level has a typed_per_filter_config entry
        LegacyCors = CorsPolicySpec.FromLegacy(route.Route_?.Cors);
#pragma warning restore CS0612
    }

    /// <summary>This route's CORS policies in <c>typed_per_filter_config</c>, by filter name.</summary>
    public IReadOnlyDictionary<string, CorsPolicySpec> CorsPolicies { get; }

    /// <summary>The route action's deprecated <c>cors</c> field.</summary>
    public CorsPolicySpec? LegacyCors { get; }

    public string Name => _route.Name;

    /// <summary>Envoy's order: headers, then query parameters, then the path.</summary>
    public bool Matches(RouteRequest request) =>
        _headers.All(h => h.Matches(request)) && _query.All(q => q.Matches(request)) && _path.Matches(request);

    public RouteDecision Decide(RouteRequest request, Func<ulong> random, HeaderMutation vhostRequest, HeaderMutation vhostResponse,
        HeaderMutation tableRequest, HeaderMutation tableResponse)
    {
        switch (_route.ActionCase)
        {
            case Route.ActionOneofCase.DirectResponse:
                var body = _route.DirectResponse.Body is { } b ? (b.InlineString.Length > 0 ? b.InlineString : b.InlineBytes.ToStringUtf8()) : "";
                return new DirectResponseDecision((int)_route.DirectResponse.Status, body, [_responseHeaders, vhostResponse, tableResponse]);
            case Route.ActionOneofCase.Redirect:
                return new RedirectDecision(_redirect!.Status, _redirect.Location(request), [_responseHeaders, vhostResponse, tableResponse]);
            case Route.ActionOneofCase.Route_:
                return Forward(request, _route.Route_, random, vhostRequest, vhostResponse, tableRequest, tableResponse);
            default:
                return new NoRouteDecision();
        }
    }

    private ForwardDecision Forward(RouteRequest request, RouteAction action, Func<ulong> random,
        HeaderMutation vhostRequest, HeaderMutation vhostResponse, HeaderMutation tableRequest, HeaderMutation tableResponse)
    {
        var cluster = "";
        var clusterRequest = HeaderMutation.Empty;
        var clusterResponse = HeaderMutation.Empty;
        string? host = action.HostRewriteSpecifierCase == RouteAction.HostRewriteSpecifierOneofCase.HostRewriteLiteral ? action.HostRewriteLiteral : null;
        switch (action.ClusterSpecifierCase)
        {
            case RouteAction.ClusterSpecifierOneofCase.Cluster:
                cluster = action.Cluster;
                break;
            case RouteAction.ClusterSpecifierOneofCase.ClusterHeader:
                cluster = request.Lookup(action.ClusterHeader)?.Split(',')[0] ?? "";
                break;
            case RouteAction.ClusterSpecifierOneofCase.WeightedClusters:
                if (WeightedPick.Pick(action.WeightedClusters, random()) is { } picked)
                {
                    cluster = picked.Name;
                    clusterRequest = HeaderMutation.From(picked.RequestHeadersToAdd, picked.RequestHeadersToRemove);
                    clusterResponse = HeaderMutation.From(picked.ResponseHeadersToAdd, picked.ResponseHeadersToRemove);
                    if (picked.HostRewriteLiteral.Length > 0) host = picked.HostRewriteLiteral;
                }
                break;
        }
        TimeSpan? timeout = action.Timeout is { } t ? (t.ToTimeSpan() == TimeSpan.Zero ? null : t.ToTimeSpan()) : DefaultTimeout;
        return new ForwardDecision(cluster, UpstreamPath(request, action), host, timeout, _retry,
            [clusterRequest, _requestHeaders, vhostRequest, tableRequest], [clusterResponse, _responseHeaders, vhostResponse, tableResponse])
        {
            Mirrors = _mirrors,
            AttemptCount = _attemptCount,
            ClusterNotFoundStatus = action.ClusterNotFoundResponseCode switch
            {
                RouteAction.Types.ClusterNotFoundResponseCode.ServiceUnavailable => 503,
                RouteAction.Types.ClusterNotFoundResponseCode.NotFound => 404,
                RouteAction.Types.ClusterNotFoundResponseCode.InternalServerError => 500,
                var other => throw new InvalidOperationException($"cluster_not_found_response_code {other} is not known"),
            },
        };
    }

    private string UpstreamPath(RouteRequest request, RouteAction action)
    {
        if (action.PrefixRewrite.Length > 0)
            return PathRewrite.Prefix(request.PathOnly, _path, action.PrefixRewrite) + request.QueryPart;
        if (_regexRewrite is not null)
            return PathRewrite.Regex(request.PathOnly, _regexRewrite, action.RegexRewrite.Substitution) + request.QueryPart;
        return request.RawPath;
    }
}
