using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Passes;

/// <summary>
/// Writes the status of each ListenerSet of ours with the conditions GEP-1713 and the conformance suite define.
/// Accepted and Programmed are False with the same reason when the set is not taken in: NotAllowed (the Gateway's
/// allowedListeners), ParentNotAccepted (the Gateway is missing or not accepted), ListenersNotValid (no listener of the
/// set is valid). A set that is not allowed lists no listeners. Each listener has Accepted, ResolvedRefs and Programmed
/// as a Gateway listener has; a listener that lost to one of higher precedence has Accepted=False and Programmed=False
/// with the conflict's reason, and Conflicted=True. Programmed=True waits for the Gateway's address, as a Gateway
/// listener's does.
/// </summary>
internal sealed class WriteListenerSetStatus : IPass
{
    public void Run(PassContext context)
    {
        foreach (var facts in context.ListenerSets.All)
        {
            var set = facts.ListenerSet;
            var generation = set.Meta.Generation;
            var addressed = facts.Parent is { } parent && WriteGatewayStatus.Programs(parent) && parent.AssignedAddress is not null;
            var listeners = facts.Listeners
                .Select(l => new ListenerStatus(l.Listener.Name, l.SupportedKinds.ToValueList(),
                    context.Attachments.AttachedCount(facts.Parent!.Gateway.Key, l.Id), ListenerConditions(l, addressed, generation)))
                .ToValueList();
            context.Status.Set(new ListenerSetStatus(set.Key, Conditions(facts, addressed, generation), listeners));
        }
    }

    /// <summary>Why the set is not Accepted: its refusal, its parent's, or no valid listener. Only for sets that are not.</summary>
    public static Problem Refusal(ListenerSetFacts facts)
    {
        if (facts.Refusal is { } refusal) return refusal;
        if (facts.Parent is not { } parent || !WriteGatewayStatus.Programs(parent))
            return new Problem(ConditionReason.ParentNotAccepted, "the parent Gateway is not accepted");
        return new Problem(ConditionReason.ListenersNotValid, "no listener of the ListenerSet is valid");
    }

    private static ValueList<Condition> Conditions(ListenerSetFacts facts, bool addressed, long generation)
    {
        if (!facts.Accepted)
        {
            var refusal = Refusal(facts);
            return ValueList.Of(
                Condition.False(ConditionType.Accepted, refusal.Reason, refusal.Message, generation),
                Condition.False(ConditionType.Programmed, refusal.Reason, refusal.Message, generation));
        }
        var invalid = facts.Listeners.Count(l => !l.Valid);
        var accepted = Condition.True(ConditionType.Accepted, ConditionReason.Accepted,
            invalid == 0 ? "listener set accepted" : $"listener set accepted; {invalid} of its listeners are not valid", generation);
        var programmed = addressed
            ? Condition.True(ConditionType.Programmed, ConditionReason.Programmed, "listener set programmed", generation)
            : Condition.False(ConditionType.Programmed, ConditionReason.Pending, "address not ready yet", generation);
        return ValueList.Of(accepted, programmed);
    }

    /// <summary>As a Gateway listener's, except that a conflict gives Accepted and Programmed its own reason (the suite checks it).</summary>
    private static ValueList<Condition> ListenerConditions(ListenerFacts l, bool addressed, long generation)
    {
        var conditions = WriteGatewayStatus.ListenerConditions(l, addressed, generation);
        if (l.Conflict is not { } conflict) return conditions;
        return conditions.Select(c => c.Type is ConditionType.Accepted or ConditionType.Programmed ? c with { Reason = conflict.Reason, Message = conflict.Message } : c)
            .ToValueList();
    }
}
