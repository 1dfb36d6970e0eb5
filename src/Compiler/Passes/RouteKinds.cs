using Meshc.Compiler.Ir;

namespace Meshc.Compiler.Passes;

/// <summary>Which route kinds meshc attaches to a listener of each protocol, and the group/kind of a route.</summary>
internal static class RouteKinds
{
    private static readonly RouteGroupKind[] HttpKinds = [RouteGroupKind.HttpRoute, RouteGroupKind.GrpcRoute];

    /// <summary>The kinds a protocol carries in meshc; empty for the protocols meshc does not compile.</summary>
    public static IReadOnlyList<RouteGroupKind> ForProtocol(ListenerProtocol protocol) =>
        protocol is ListenerProtocol.HTTP or ListenerProtocol.HTTPS ? HttpKinds : [];

    public static RouteGroupKind Of(Route route) => route.Kind == RouteKind.Grpc ? RouteGroupKind.GrpcRoute : RouteGroupKind.HttpRoute;

    /// <summary>"HTTPRoute, GRPCRoute" for messages.</summary>
    public static string Describe(IEnumerable<RouteGroupKind> kinds) =>
        kinds.Select(k => k.Kind).Distinct().ToList() is { Count: > 0 } names ? string.Join(", ", names) : "no route kinds";
}
