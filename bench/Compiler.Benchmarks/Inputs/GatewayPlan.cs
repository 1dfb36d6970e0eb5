namespace Meshc.Compiler.Benchmarks.Inputs;

/// <summary>
/// The listener layout of one synthetic Gateway. Both the Gateway writer and the route writer ask for it, so routes
/// only use hostnames and sections their Gateway really has.
/// </summary>
public sealed record GatewayPlan(int Index, bool HasAlternateListener, bool AdmitsBySelector)
{
    private const ulong Stream = 1;

    public static GatewayPlan For(MeshShape shape, int gateway)
    {
        var random = SeededRandom.For(shape.Seed, Stream, gateway);
        return new GatewayPlan(gateway, HasAlternateListener: random.Chance(0.5), AdmitsBySelector: random.Chance(0.25));
    }
}
