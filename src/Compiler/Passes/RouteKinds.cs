using Meshc.Compiler.Ir;

namespace Meshc.Compiler.Passes;

/// <summary>Which route kinds meshc attaches to a listener of each protocol, and the group/kind of a route.</summary>
internal static class RouteKinds
{
    private static readonly RouteGroupKind[] HttpKinds = [RouteGroupKind.HttpRoute, RouteGroupKind.GrpcRoute];
    private static readonly RouteGroupKind[] TlsKinds = [RouteGroupKind.TlsRoute];

    /// <summary>
    /// The kinds a protocol carries in meshc; empty for the protocols meshc does not compile. TLS listeners carry
    /// TLSRoutes (passthrough), as in Cilium.
    /// </summary>
    public static IReadOnlyList<RouteGroupKind> ForProtocol(ListenerProtocol protocol) => protocol switch
    {
        ListenerProtocol.HTTP or ListenerProtocol.HTTPS => HttpKinds,
        ListenerProtocol.TLS => TlsKinds,
        ListenerProtocol.TCP or ListenerProtocol.UDP or ListenerProtocol.Other => [],
        _ => throw new InvalidOperationException($"listener protocol {protocol} has no route kinds"),
    };

    public static RouteGroupKind Of(Route route) => route.Kind switch
    {
        RouteKind.Http => RouteGroupKind.HttpRoute,
        RouteKind.Grpc => RouteGroupKind.GrpcRoute,
        RouteKind.Tls => RouteGroupKind.TlsRoute,
        _ => throw new InvalidOperationException($"route kind {route.Kind} has no group/kind"),
    };

    /// <summary>"HTTPRoute, GRPCRoute" for messages.</summary>
    public static string Describe(IEnumerable<RouteGroupKind> kinds) =>
        kinds.Select(k => k.Kind).Distinct().ToList() is { Count: > 0 } names ? string.Join(", ", names) : "no route kinds";
}
