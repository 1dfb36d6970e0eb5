using Envoy.Config.Route.V3;
using Envoy.Type.Matcher.V3;
using Meshc.Compiler.Ir;
using EnvoyRouteMatch = Envoy.Config.Route.V3.RouteMatch;
using IrRouteMatch = Meshc.Compiler.Ir.RouteMatch;

namespace Meshc.Compiler.BackEnds.Xds.Gateway;

/// <summary>Builds an Envoy route match from a Gateway API match, the way Cilium's <c>getRouteMatch</c> does.</summary>
internal static class RouteMatchBuilder
{
    /// <summary>
    /// Path, then headers in their order, then <c>:method</c> (exact, upper case), then query parameters.
    /// No <c>:authority</c> matcher is added: Gateway API hostnames rely on Envoy's domain suffix match.
    /// </summary>
    public static EnvoyRouteMatch Build(IrRouteMatch? match, bool grpc)
    {
        var result = new EnvoyRouteMatch();
        SetPath(result, PathOf(match, grpc));
        if (match is null) return result;
        foreach (var header in match.Headers)
        {
            result.Headers.Add(new HeaderMatcher { Name = header.Name, StringMatch = StringMatcherOf(header) });
        }
        if (match.Method is { } method)
        {
            result.Headers.Add(new HeaderMatcher
            {
                Name = ":method",
                StringMatch = new StringMatcher { Exact = method.ToUpperInvariant() },
            });
        }
        foreach (var query in match.QueryParams)
        {
            result.QueryParameters.Add(new QueryParameterMatcher { Name = query.Name, StringMatch = StringMatcherOf(query) });
        }
        return result;
    }

    private static PathMatch? PathOf(IrRouteMatch? match, bool grpc) =>
        grpc ? GrpcPath.Of(match?.GrpcMethod, match?.Origin ?? default) : match?.Path;

    private static void SetPath(EnvoyRouteMatch result, PathMatch? path)
    {
        switch (path)
        {
            case { Kind: PathMatchKind.Exact } exact:
                result.Path = exact.Value;
                break;
            case { Kind: PathMatchKind.Regex } regex:
                result.SafeRegex = new RegexMatcher { Regex = regex.Value };
                break;
            // path_separated_prefix matches whole segments (/echo matches /echo, /echo/ and /echo/x but not /echoes),
            // which is PathPrefix semantics; Envoy forbids a trailing '/', so it is trimmed. "/" stays a plain prefix.
            case { Kind: PathMatchKind.Prefix, Value: not "/" and not "" } prefix:
                result.PathSeparatedPrefix = prefix.Value.EndsWith('/') ? prefix.Value[..^1] : prefix.Value;
                break;
            default:
                result.Prefix = "/";
                break;
        }
    }

    private static StringMatcher StringMatcherOf(KeyValueMatch match) => match.Kind == StringMatchKind.Regex
        ? new StringMatcher { SafeRegex = new RegexMatcher { Regex = match.Value } }
        : new StringMatcher { Exact = match.Value };
}
