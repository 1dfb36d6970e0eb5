using Envoy.Config.Core.V3;
using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;
using Envoy.Type.Matcher.V3;
using ExtensionCorsPolicy = Envoy.Extensions.Filters.Http.Cors.V3.CorsPolicy;
using RouteCorsPolicy = Envoy.Config.Route.V3.CorsPolicy;

namespace Meshc.Runtime.Routing;

/// <summary>
/// One level's CORS policy (a route's or a virtual host's), from its <c>typed_per_filter_config</c> entry for the CORS
/// filter or, when no level has one, from the deprecated <c>cors</c> field. Unset fields stay null or empty so the
/// filter can take each field from the most specific level that sets it, as Envoy does.
/// </summary>
public sealed record CorsPolicySpec(
    IReadOnlyList<StringMatch> AllowOrigins,
    string AllowMethods,
    string AllowHeaders,
    string ExposeHeaders,
    string MaxAge,
    bool? AllowCredentials,
    bool? AllowPrivateNetworkAccess,
    bool? ForwardNotMatchingPreflights,
    RuntimeFractionalPercent? FilterEnabled,
    RuntimeFractionalPercent? ShadowEnabled)
{
    /// <summary>Every entry of <paramref name="perFilter"/> that holds a CorsPolicy, by filter name (usually none).</summary>
    public static IReadOnlyDictionary<string, CorsPolicySpec> AllFromPerFilter(MapField<string, Any> perFilter)
    {
        if (perFilter.Count == 0) return Empty;
        var found = new Dictionary<string, CorsPolicySpec>(StringComparer.Ordinal);
        foreach (var name in perFilter.Keys)
            if (FromPerFilter(perFilter, name) is { } spec) found[name] = spec;
        return found.Count == 0 ? Empty : found;
    }

    private static readonly IReadOnlyDictionary<string, CorsPolicySpec> Empty = new Dictionary<string, CorsPolicySpec>();

    /// <summary>The entry of <paramref name="perFilter"/> named <paramref name="filterName"/>, when it holds a CorsPolicy.</summary>
    public static CorsPolicySpec? FromPerFilter(MapField<string, Any> perFilter, string? filterName)
    {
        if (filterName is null || !perFilter.TryGetValue(filterName, out var any) || !any.Is(ExtensionCorsPolicy.Descriptor)) return null;
        var p = any.Unpack<ExtensionCorsPolicy>();
        return new(Origins(p.AllowOriginStringMatch), p.AllowMethods, p.AllowHeaders, p.ExposeHeaders, p.MaxAge, p.AllowCredentials,
            p.AllowPrivateNetworkAccess, p.ForwardNotMatchingPreflights, p.FilterEnabled, p.ShadowEnabled);
    }

    /// <summary>The deprecated route-action or virtual-host <c>cors</c> field.</summary>
    public static CorsPolicySpec? FromLegacy(RouteCorsPolicy? p) => p is null ? null
        : new(Origins(p.AllowOriginStringMatch), p.AllowMethods, p.AllowHeaders, p.ExposeHeaders, p.MaxAge, p.AllowCredentials,
            p.AllowPrivateNetworkAccess, p.ForwardNotMatchingPreflights, p.FilterEnabled, p.ShadowEnabled);

    private static IReadOnlyList<StringMatch> Origins(RepeatedField<StringMatcher> matchers) => matchers.Select(StringMatch.From).ToList();
}
