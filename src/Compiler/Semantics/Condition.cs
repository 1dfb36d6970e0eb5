namespace Meshc.Compiler.Semantics;

/// <summary>
/// One status condition. Typed fields (not strings) so a swapped type and reason cannot compile.
/// No lastTransitionTime: the bundle stays byte-identical for the same input.
/// </summary>
public sealed record Condition(ConditionType Type, bool Status, ConditionReason Reason, string Message, long ObservedGeneration)
{
    public static Condition True(ConditionType type, ConditionReason reason, string message, long generation) => new(type, true, reason, message, generation);
    public static Condition False(ConditionType type, ConditionReason reason, string message, long generation) => new(type, false, reason, message, generation);
}
