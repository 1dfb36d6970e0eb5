namespace Meshc.Compiler.Benchmarks.Inputs;

/// <summary>The size of a synthetic input: how many HTTPRoutes, Gateways and Services, and the seed that fixes the rest.</summary>
public sealed record MeshShape(int Routes, int Gateways, int Services, ulong Seed = MeshShape.DefaultSeed)
{
    public const ulong DefaultSeed = 20260401;

    /// <summary>Services per team namespace; routes live with their first backend's Service.</summary>
    public const int ServicesPerNamespace = 10;

    /// <summary>Gateways per edge namespace.</summary>
    public const int GatewaysPerNamespace = 20;

    public int TeamNamespaces => Math.Max(1, (Services + ServicesPerNamespace - 1) / ServicesPerNamespace);

    public int EdgeNamespaces => Math.Max(1, (Gateways + GatewaysPerNamespace - 1) / GatewaysPerNamespace);

    public override string ToString() => $"{Routes} routes, {Gateways} gateways, {Services} services (seed {Seed})";
}
