using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Passes;

/// <summary>
/// Checks <c>spec.infrastructure.parametersRef</c>. meshc reads no kind of Gateway
/// parameters, so any reference is one the Gateway API says to reject: Accepted=False InvalidParameters, and the
/// Gateway gets no configuration (its other Gateways are unaffected).
/// </summary>
internal sealed class CheckGatewayParameters : IPass
{
    public void Run(PassContext context)
    {
        foreach (var facts in context.Gateways.All)
        {
            if (facts.Gateway.ParametersRef is not { } reference) continue;
            var kind = reference.Group.Length == 0 ? reference.Kind : $"{reference.Group}/{reference.Kind}";
            context.Diagnostics.ReportGatewayParametersUnsupported(reference.Origin, facts.Gateway.Key.QualifiedName, kind, reference.Name);
            facts.Refusal ??= new Problem(ConditionReason.InvalidParameters,
                $"infrastructure parameters {kind} '{reference.Name}' are not supported");
        }
    }
}
