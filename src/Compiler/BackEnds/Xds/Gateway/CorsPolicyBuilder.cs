using Envoy.Type.Matcher.V3;
using Google.Protobuf.WellKnownTypes;
using Meshc.Compiler.Ir;
using CorsPolicy = Envoy.Extensions.Filters.Http.Cors.V3.CorsPolicy;

namespace Meshc.Compiler.BackEnds.Xds.Gateway;

/// <summary>
/// The CORS filter as newer Cilium translates it: an <c>envoy.filters.http.cors</c> entry in the route's
/// <c>typed_per_filter_config</c> holding the filter's <c>CorsPolicy</c> (the deprecated route-level <c>cors</c> field is
/// not used), and the HTTP filter itself in the HCM before the router.
/// </summary>
internal static class CorsPolicyBuilder
{
    /// <summary>The HTTP filter name, also the key of the per-route configuration.</summary>
    public const string FilterName = "envoy.filters.http.cors";

    // What one '*' of an origin stands for: a host label run (dots allowed, so "*.bar.com" takes "a.www.bar.com").
    private const string WildcardPart = "[A-Za-z0-9.-]+";

    /// <summary>
    /// Lists joined with ", "; credentials always set (false too); origins that do not match get no CORS headers and a
    /// preflight from them is answered by the proxy, not forwarded (<c>forward_not_matching_preflights: false</c>).
    /// </summary>
    public static CorsPolicy Build(CorsFilter filter)
    {
        var policy = new CorsPolicy
        {
            AllowCredentials = filter.AllowCredentials,
            AllowMethods = string.Join(", ", filter.AllowMethods),
            AllowHeaders = string.Join(", ", filter.AllowHeaders),
            ExposeHeaders = string.Join(", ", filter.ExposeHeaders),
            MaxAge = filter.MaxAge.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ForwardNotMatchingPreflights = false,
        };
        policy.AllowOriginStringMatch.Add(filter.AllowOrigins.Select(OriginMatcher));
        return policy;
    }

    /// <summary>The policy packed for a route's <c>typed_per_filter_config</c>.</summary>
    public static Any PerRoute(CorsFilter filter) => Any.Pack(Build(filter));

    /// <summary>An origin without <c>*</c> matches exactly; <c>*</c> alone matches anything; otherwise each <c>*</c> is a host part.</summary>
    public static StringMatcher OriginMatcher(string origin)
    {
        if (!origin.Contains('*')) return new StringMatcher { Exact = origin };
        var regex = origin == "*" ? "^.*$" : "^" + string.Join(WildcardPart, origin.Split('*').Select(GoRegex.QuoteMeta)) + "$";
        return new StringMatcher { SafeRegex = new RegexMatcher { Regex = regex } };
    }
}
