using Meshc.Compiler.FrontEnds.Dsl.Syntax;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.FrontEnds.Dsl.Reading;

/// <summary>
/// Reads backends: Services by name (optionally <c>namespace/name</c>), a port after a colon, and a weight (default 1).
/// <code>
/// to echo-1:8080 90, echo-2:8080 10
/// </code>
/// </summary>
internal static class BackendReader
{
    public const long MaxWeight = 1_000_000;

    public static BackendRef Read(MeshParser.BackendContext b, DslContext context)
    {
        var target = Target(b.backendTarget(), context);
        if (b.weight is not { } token) return target;
        if (!long.TryParse(token.Text, out var weight) || weight > MaxWeight)
        {
            context.Diagnostics.ReportWeightOutOfRange(context.At(token), token.Text);
            return target;
        }
        return target with { Weight = weight };
    }

    public static BackendRef Target(MeshParser.BackendTargetContext t, DslContext context)
    {
        var (ns, name) = DslContext.Reference(DslContext.Text(t.name()));
        var port = t.INT() is { } p ? context.Int(p.Symbol, "backend port", 1, 65535) : null;
        return new BackendRef("", "Service", ns, name, port, 1, ValueList<RouteFilter>.Empty, context.At(t));
    }
}
