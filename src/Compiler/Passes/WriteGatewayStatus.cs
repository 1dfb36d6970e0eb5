using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Passes;

/// <summary>
/// Writes the status of each Gateway of ours and its listeners. A valid listener is Accepted, ResolvedRefs (unless a
/// reference failed), Programmed (meshc programs the config itself; Cilium waits for an address) and not
/// Conflicted. The Gateway is Accepted when some listener is valid — with reason ListenersNotValid when others
/// are not, as the spec asks — and Accepted=False UnsupportedAddress when an address cannot be honoured.
/// </summary>
internal sealed class WriteGatewayStatus : IPass
{
    public void Run(PassContext context)
    {
        foreach (var facts in context.Gateways.All)
        {
            var gateway = facts.Gateway;
            var generation = gateway.Meta.Generation;
            var listeners = facts.Listeners
                .Select(l => new ListenerStatus(l.Listener.Name, l.SupportedKinds.ToValueList(),
                    context.Attachments.AttachedCount(gateway.Key, l.Listener.Name), ListenerConditions(l, generation)))
                .ToValueList();
            var conditions = InsecureFrontend(gateway, generation) is { } insecure
                ? ValueList.Of(Accepted(facts, generation), Programmed(facts, generation), insecure)
                : ValueList.Of(Accepted(facts, generation), Programmed(facts, generation));
            context.Status.Set(new GatewayStatus(gateway.Key, Addresses(facts), conditions, listeners));
        }
    }

    private static ValueList<Condition> ListenerConditions(ListenerFacts l, long generation)
    {
        var accepted = (l.Rejection ?? l.Conflict) is { } refused
            ? Condition.False(ConditionType.Accepted, refused.Reason, refused.Message, generation)
            : Condition.True(ConditionType.Accepted, ConditionReason.Accepted, "listener accepted", generation);
        var resolved = l.RefsProblem is { } refs
            ? Condition.False(ConditionType.ResolvedRefs, refs.Reason, refs.Message, generation)
            : Condition.True(ConditionType.ResolvedRefs, ConditionReason.ResolvedRefs, "all references resolved", generation);
        var programmed = l.Valid
            ? Condition.True(ConditionType.Programmed, ConditionReason.Programmed, "listener programmed", generation)
            : Condition.False(ConditionType.Programmed, ConditionReason.Invalid, "listener is not valid", generation);
        var conflicted = l.Conflict is { } conflict
            ? Condition.True(ConditionType.Conflicted, conflict.Reason, conflict.Message, generation)
            : Condition.False(ConditionType.Conflicted, ConditionReason.NoConflicts, "no conflicts", generation);
        return ValueList.Of(accepted, resolved, programmed, conflicted);
    }

    private static Condition Accepted(GatewayFacts facts, long generation)
    {
        if (facts.AddressProblem is { } address)
            return Condition.False(ConditionType.Accepted, address.Reason, address.Message, generation);
        var invalid = facts.Listeners.Where(l => !l.Valid).Select(l => $"'{l.Listener.Name}'").ToList();
        if (invalid.Count == facts.Listeners.Count)
            return Condition.False(ConditionType.Accepted, ConditionReason.ListenersNotValid, "no listener is valid", generation);
        return invalid.Count > 0
            ? Condition.True(ConditionType.Accepted, ConditionReason.ListenersNotValid, $"listeners {string.Join(", ", invalid)} are not valid; the others are accepted", generation)
            : Condition.True(ConditionType.Accepted, ConditionReason.Accepted, "gateway accepted", generation);
    }

    /// <summary>Spec reasons for Programmed=False (Cilium says ListenersNotValid / ListenersNotReady instead).</summary>
    private static Condition Programmed(GatewayFacts facts, long generation)
    {
        if (!facts.Listeners.Any(l => l.Valid))
            return Condition.False(ConditionType.Programmed, ConditionReason.Invalid, "no listener is valid", generation);
        if (facts.AddressProblem is { } address)
            return Condition.False(ConditionType.Programmed, ConditionReason.AddressNotUsable, address.Message, generation);
        return facts.AssignmentProblem is { } assignment
            ? Condition.False(ConditionType.Programmed, assignment.Reason, assignment.Message, generation)
            : Condition.True(ConditionType.Programmed, ConditionReason.Programmed, "gateway programmed", generation);
    }

    /// <summary>
    /// The spec's warning that some client-certificate validation of the Gateway lets clients without a valid
    /// certificate through (mode AllowInsecureFallback, by default or on a port); absent otherwise.
    /// </summary>
    private static Condition? InsecureFrontend(Gateway gateway, long generation)
    {
        if (gateway.Frontend is not { } frontend) return null;
        var modes = frontend.PerPort.Select(p => p.Validation).Prepend(frontend.Default).OfType<FrontendValidation>();
        return modes.Any(v => v.Mode == FrontendValidation.AllowInsecureFallback)
            ? Condition.True(ConditionType.InsecureFrontendValidationMode, ConditionReason.ConfigurationChanged,
                "client certificate validation allows clients without a valid certificate (AllowInsecureFallback)", generation)
            : null;
    }

    /// <summary>The LoadBalancer address <see cref="AssignGatewayAddresses"/> gave the Gateway, if any.</summary>
    private static ValueList<string> Addresses(GatewayFacts facts) =>
        facts.AssignedAddress is { } assigned ? ValueList.Of(assigned.Address) : ValueList<string>.Empty;
}
