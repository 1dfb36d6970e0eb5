using Meshc.Compiler.Ir;

namespace Meshc.Compiler.Passes;

/// <summary>
/// Checks backend weights: each within 0…1,000,000 (the Gateway API's bounds), and warns when every backend of a
/// rule has weight 0 — Envoy refuses a weighted cluster set whose total is 0, so the rule answers 500 instead.
/// </summary>
internal sealed class CheckBackendWeights : IPass
{
    public const long MaxWeight = 1_000_000;

    public void Run(PassContext context)
    {
        foreach (var facts in context.Routes.All)
        foreach (var rule in facts.Route.Rules)
        {
            foreach (var backend in rule.Backends.Where(b => b.Weight is < 0 or > MaxWeight))
                facts.Reject(context.Diagnostics.ReportWeightOutOfRange(backend.Origin, backend.Weight.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)).Message);
            // A TLSRoute rule cannot answer 500; ResolveBackends warns that its connections are closed (MC0270).
            if (!rule.Backends.IsEmpty && rule.Backends.All(b => b.Weight == 0) && facts.Route.Kind != RouteKind.Tls)
                context.Diagnostics.ReportAllWeightsZero(rule.Origin);
        }
    }
}
