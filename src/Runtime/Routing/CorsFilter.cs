using Envoy.Config.Core.V3;

namespace Meshc.Runtime.Routing;

/// <summary>
/// Envoy's <c>envoy.filters.http.cors</c> for one request: the policies of the route and its virtual host (each field
/// from the most specific level that sets it; enabled and shadow from the most specific level). A request with an
/// <c>Origin</c> is a CORS request. A preflight (OPTIONS with <c>Access-Control-Request-Method</c>) is answered here with
/// 200 and the allow headers (its encode step then adds the expose headers to that answer as to any other), unless its origin is not allowed and <c>forward_not_matching_preflights</c> (default true)
/// sends it on. Any other CORS request from an allowed origin gets <c>Access-Control-Allow-Origin</c> (the origin
/// itself), <c>-Allow-Credentials</c> and <c>-Expose-Headers</c> on whatever answers it. Envoy writes no
/// <c>Vary</c> header, and neither does this.
/// </summary>
public sealed class CorsFilter
{
    private readonly IReadOnlyList<CorsPolicySpec> _levels;

    /// <summary>The levels, most specific first; none means the filter does nothing.</summary>
    public CorsFilter(IReadOnlyList<CorsPolicySpec> levels) => _levels = levels;

    public static CorsFilter None { get; } = new([]);

    public bool IsEmpty => _levels.Count == 0;

    /// <summary>The decision to act on: a preflight answer, or <paramref name="decision"/> with the CORS headers added to its response.</summary>
    public RouteDecision Apply(RouteDecision decision, RouteRequest request, Func<ulong> random)
    {
        if (_levels.Count == 0 || decision is NoRouteDecision) return decision;
        var enabled = Enabled(_levels[0].FilterEnabled, random, absent: true);
        if (!enabled) return decision; // shadow mode only counts the origin, which is not modelled here
        var origin = request.Lookup("origin");
        if (string.IsNullOrEmpty(origin)) return decision;
        var allowed = OriginAllowed(origin);
        var requestMethod = request.Lookup("access-control-request-method");
        if (request.Method == "OPTIONS" && !string.IsNullOrEmpty(requestMethod))
        {
            if (!allowed && First(p => p.ForwardNotMatchingPreflights) != false) return decision;
            // The filter's own answer goes out through its encode step too, which adds the expose headers.
            return allowed
                ? new DirectResponseDecision(200, "", [Preflight(origin, requestMethod, request), Actual(origin)])
                : new DirectResponseDecision(200, "", [Preflight(null, requestMethod, request)]);
        }
        return allowed ? decision with { ResponseHeaders = [.. decision.ResponseHeaders, Actual(origin)] } : decision;
    }

    private HeaderMutation Preflight(string? origin, string requestMethod, RouteRequest request)
    {
        var headers = new List<HeaderAdd>();
        if (origin is not null) headers.Add(Set("access-control-allow-origin", origin));
        if (First(p => p.AllowCredentials) == true) headers.Add(Set("access-control-allow-credentials", "true"));
        var methods = FirstText(p => p.AllowMethods);
        if (methods.Length > 0) headers.Add(Set("access-control-allow-methods", methods == "*" ? requestMethod : methods));
        var allowHeaders = FirstText(p => p.AllowHeaders);
        if (allowHeaders.Length > 0)
            headers.Add(Set("access-control-allow-headers", allowHeaders == "*" ? request.Lookup("access-control-request-headers") ?? "" : allowHeaders));
        var maxAge = FirstText(p => p.MaxAge);
        if (maxAge.Length > 0) headers.Add(Set("access-control-max-age", maxAge));
        if (First(p => p.AllowPrivateNetworkAccess) == true && request.Lookup("access-control-request-private-network") == "true")
            headers.Add(Set("access-control-allow-private-network", "true"));
        return new HeaderMutation([], headers);
    }

    /// <summary>Set last, after the route's own response edits, as the filter's encode step runs after the router's.</summary>
    private HeaderMutation Actual(string origin)
    {
        var headers = new List<HeaderAdd> { Set("access-control-allow-origin", origin) };
        if (First(p => p.AllowCredentials) == true) headers.Add(Set("access-control-allow-credentials", "true"));
        var expose = FirstText(p => p.ExposeHeaders);
        if (expose.Length > 0) headers.Add(Set("access-control-expose-headers", expose));
        return new HeaderMutation([], headers);
    }

    /// <summary>Envoy also lets in any origin when a matcher accepts the literal "*".</summary>
    private bool OriginAllowed(string origin)
    {
        var origins = _levels.Select(p => p.AllowOrigins).FirstOrDefault(o => o.Count > 0) ?? [];
        return origins.Any(m => m.Matches("*") || m.Matches(origin));
    }

    private T? First<T>(Func<CorsPolicySpec, T?> field) where T : struct =>
        _levels.Select(field).FirstOrDefault(v => v.HasValue);

    private string FirstText(Func<CorsPolicySpec, string> field) =>
        _levels.Select(field).FirstOrDefault(v => v.Length > 0) ?? "";

    private static HeaderAdd Set(string name, string value) =>
        new(name, value, HeaderValueOption.Types.HeaderAppendAction.OverwriteIfExistsOrAdd, KeepEmpty: true);

    /// <summary>A runtime fraction's default value (runtime overrides are not modelled); unset is <paramref name="absent"/>.</summary>
    private static bool Enabled(RuntimeFractionalPercent? fraction, Func<ulong> random, bool absent)
    {
        if (fraction?.DefaultValue is not { } percent) return absent;
        var denominator = percent.Denominator switch
        {
            Envoy.Type.V3.FractionalPercent.Types.DenominatorType.Hundred => 100UL,
            Envoy.Type.V3.FractionalPercent.Types.DenominatorType.TenThousand => 10_000UL,
            Envoy.Type.V3.FractionalPercent.Types.DenominatorType.Million => 1_000_000UL,
            var other => throw new InvalidOperationException($"fractional percent denominator {other} is not known"),
        };
        return random() % denominator < percent.Numerator;
    }
}
