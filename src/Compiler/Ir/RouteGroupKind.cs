namespace Meshc.Compiler.Ir;

/// <summary>A route kind with its API group, as listed in <c>allowedRoutes.kinds</c> and <c>supportedKinds</c>.</summary>
public sealed record RouteGroupKind(string Group, string Kind)
{
    public const string GatewayGroup = "gateway.networking.k8s.io";
    public static readonly RouteGroupKind HttpRoute = new(GatewayGroup, "HTTPRoute");
    public static readonly RouteGroupKind GrpcRoute = new(GatewayGroup, "GRPCRoute");
    public static readonly RouteGroupKind TlsRoute = new(GatewayGroup, "TLSRoute");
    public static readonly RouteGroupKind TcpRoute = new(GatewayGroup, "TCPRoute");
    public static readonly RouteGroupKind UdpRoute = new(GatewayGroup, "UDPRoute");
}
