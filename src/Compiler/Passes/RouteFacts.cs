using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Passes;

/// <summary>What the route checks found about one HTTPRoute or GRPCRoute; turned into route status at the end.</summary>
internal sealed class RouteFacts(Route route)
{
    public Route Route { get; } = route;

    /// <summary>Why the route as a whole is not accepted (an invalid or unsupported value in its spec), if so.</summary>
    public Problem? Rejection { get; private set; }

    /// <summary>The first backend reference that did not resolve (ResolvedRefs=False), if any.</summary>
    public Problem? RefsProblem { get; private set; }

    /// <summary>The rules with their backends resolved; set by the backend pass.</summary>
    public ValueList<BoundRule> Rules { get; set; } = ValueList<BoundRule>.Empty;

    /// <summary>One outcome per parentRef that names a Gateway of ours (or a Gateway that does not exist), in spec order.</summary>
    public List<ParentOutcome> Parents { get; } = [];

    /// <summary>Keeps the first invalid value found: status reports it as Accepted=False UnsupportedValue.</summary>
    public void Reject(string message) => Rejection ??= new Problem(ConditionReason.UnsupportedValue, message);

    public void FailRefs(Problem problem) => RefsProblem ??= problem;
}

/// <summary>How one parentRef fared: accepted (no problem) or the reason it was not.</summary>
internal sealed record ParentOutcome(ParentRef Ref, Problem? NotAccepted);
