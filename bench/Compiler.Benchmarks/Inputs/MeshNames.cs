namespace Meshc.Compiler.Benchmarks.Inputs;

/// <summary>Names of the synthetic objects, and which namespace each one lives in.</summary>
public static class MeshNames
{
    /// <summary>The label every team namespace carries; Gateways with a Selector listener admit routes by it.</summary>
    public const string AccessLabel = "mesh.example.com/gateway-access";

    public static string Team(int team) => $"team-{team:D3}";

    public static string Edge(int edge) => $"edge-{edge:D3}";

    public static string Service(int service) => $"svc-{service:D5}";

    public static string Gateway(int gateway) => $"gw-{gateway:D4}";

    public static string Route(int route) => $"route-{route:D5}";

    public static int TeamOf(int service) => service / MeshShape.ServicesPerNamespace;

    public static int EdgeOf(int gateway) => gateway / MeshShape.GatewaysPerNamespace;

    /// <summary>The wildcard hostname of a Gateway's main listener (<c>.com</c>) or its second listener (<c>.net</c>).</summary>
    public static string GatewayDomain(int gateway, bool alternate = false) =>
        $"{Gateway(gateway)}.example.{(alternate ? "net" : "com")}";

    /// <summary>The first service and the number of services of a team namespace.</summary>
    public static (int First, int Count) ServicesOf(int team, int services)
    {
        var first = team * MeshShape.ServicesPerNamespace;
        return (first, Math.Min(MeshShape.ServicesPerNamespace, services - first));
    }
}
