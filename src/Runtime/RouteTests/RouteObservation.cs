using System.Globalization;
using Meshc.Runtime.Routing;
using Microsoft.AspNetCore.Http;

namespace Meshc.Runtime.RouteTests;

/// <summary>
/// What the runtime's router did with a test's request, in router_check_tool's terms: values of a route that forwards
/// (cluster, virtual host, rewrites) are empty for a redirect or direct response, and the redirect values empty for a
/// route that forwards — as Envoy's tool reads them off its route entry or direct response entry.
/// </summary>
public sealed class RouteObservation
{
    private readonly HeaderDictionary _responseHeaders;
    private readonly RouteRequest _finalRequest;

    private RouteObservation(RouteTable.RouteHit? hit, RouteDecision decision, ulong random, RouteRequest request,
        HeaderDictionary requestHeaders, HeaderDictionary responseHeaders)
    {
        Hit = hit;
        Decision = decision;
        _responseHeaders = responseHeaders;
        if (decision is ForwardDecision forward)
        {
            HeaderMutation.ApplyAll(forward.RequestHeaders, requestHeaders);
            _finalRequest = request with { Authority = forward.HostRewrite ?? request.Authority, RawPath = forward.UpstreamPath, Header = Lookup(requestHeaders) };
            WeightedIndex = hit!.Route.Route_?.WeightedClusters is { } weighted && WeightedPick.Pick(weighted, random) is { } picked
                ? weighted.Clusters.IndexOf(picked)
                : null;
        }
        else
        {
            _finalRequest = request;
        }
        if (decision is not NoRouteDecision) HeaderMutation.ApplyAll(decision.ResponseHeaders, responseHeaders);
        switch (decision)
        {
            case RedirectDecision redirect:
                responseHeaders[":status"] = redirect.Status.ToString(CultureInfo.InvariantCulture);
                responseHeaders["location"] = redirect.Location;
                break;
            case DirectResponseDecision direct:
                responseHeaders[":status"] = direct.Status.ToString(CultureInfo.InvariantCulture);
                break;
        }
    }

    /// <summary>Routes <paramref name="input"/> through <paramref name="target"/> with its random value.</summary>
    public static RouteObservation Of(RouteTarget target, RouteTestInput input)
    {
        var requestHeaders = Headers(input.RequestHeaders);
        requestHeaders["x-forwarded-proto"] = input.Ssl ? "https" : "http";
        if (input.Internal) requestHeaders["x-envoy-internal"] = "true";
        var request = new RouteRequest(input.Authority, input.Path, input.Method, input.Ssl ? "https" : "http", Lookup(requestHeaders));
        var hit = target.Table.Find(request);
        var decision = hit is null ? new NoRouteDecision() : hit.Decide(request, () => input.RandomValue);
        return new RouteObservation(hit, decision, input.RandomValue, request, requestHeaders, Headers(input.ResponseHeaders));
    }

    public RouteTable.RouteHit? Hit { get; }

    public RouteDecision Decision { get; }

    /// <summary>Which of a weighted route's clusters the random value picked; coverage counts each separately, as Envoy's tool does.</summary>
    public int? WeightedIndex { get; }

    /// <summary>Whether a route that forwards upstream matched (router_check_tool's "route entry").</summary>
    public bool Forwards => Decision is ForwardDecision;

    /// <summary>Whether a redirect or direct response matched (router_check_tool's "direct response entry").</summary>
    public bool AnswersDirectly => Decision is RedirectDecision or DirectResponseDecision;

    public string Value(RouteValueKind kind) => kind switch
    {
        RouteValueKind.ClusterName => Decision is ForwardDecision f ? f.Cluster : "",
        RouteValueKind.VirtualClusterName => Forwards ? Hit!.VirtualCluster(_finalRequest) ?? "" : "",
        RouteValueKind.VirtualHostName => Forwards ? Hit!.VirtualHost.Name : "",
        RouteValueKind.HostRewrite => Forwards ? _finalRequest.Authority : "",
        RouteValueKind.PathRewrite => Forwards ? _finalRequest.RawPath : "",
        RouteValueKind.PathRedirect => Decision is RedirectDecision r ? r.Location : "",
        RouteValueKind.CodeRedirect => (Decision switch
        {
            RedirectDecision r => r.Status,
            DirectResponseDecision d => d.Status,
            _ => 0,
        }).ToString(CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown route check"),
    };

    /// <summary>
    /// A header as the upstream request (after the route's edits and rewrites; pseudo headers included) or the
    /// response (the test's response headers after the route's edits; <c>:status</c> and <c>location</c> of a local
    /// answer) carries it; null when absent.
    /// </summary>
    public string? Header(HeaderSide side, string name) => side switch
    {
        HeaderSide.Request => _finalRequest.Lookup(name),
        HeaderSide.Response => Lookup(_responseHeaders)(name.ToLowerInvariant()),
        _ => throw new ArgumentOutOfRangeException(nameof(side), side, "unknown header side"),
    };

    /// <summary>The lookup a header matcher uses for <paramref name="side"/>.</summary>
    public Func<string, string?> Headers(HeaderSide side) => name => Header(side, name);

    private static HeaderDictionary Headers(IEnumerable<KeyValuePair<string, string>> values)
    {
        var headers = new HeaderDictionary();
        foreach (var (key, value) in values) headers.Append(key, value);
        return headers;
    }

    // Each name's values joined with ',', as the proxy hands them to the matchers.
    private static Func<string, string?> Lookup(HeaderDictionary headers) =>
        name => headers.TryGetValue(name, out var v) ? v.ToString() : null;
}
