using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Passes;

/// <summary>
/// Writes the status of each Gateway of ours and its listeners with the condition types and reasons Cilium's operator
/// sets (docs/cilium-parity.md). A valid listener is Accepted and ResolvedRefs (unless a reference failed); an invalid
/// one is Accepted=False Invalid (UnsupportedProtocol for a protocol meshc does not compile); Conflicted appears only on
/// a conflicted listener. Listeners are Programmed once the Gateway has an address, else Programmed=False Pending, as
/// Cilium reports them while the LoadBalancer is pending. The Gateway is Accepted=False ListenersNotValid with no
/// valid listener, Accepted=False UnsupportedAddress for an address it cannot ask for, Accepted=False InvalidParameters
/// for an <c>infrastructure.parametersRef</c> (all three get no configuration),
/// Accepted=True ListenersNotValid when a listener's protocol is not supported, else Accepted.
/// The Gateway's status is about its own listeners (GEP-1713: its conditions reflect its local configuration); the
/// ListenerSets it takes in are counted in <c>attachedListenerSets</c>, written when the Gateway allows sets or some
/// set names it, and get their own status (<see cref="WriteListenerSetStatus"/>).
/// </summary>
internal sealed class WriteGatewayStatus : IPass
{
    public void Run(PassContext context)
    {
        foreach (var facts in context.Gateways.All)
        {
            var gateway = facts.Gateway;
            var generation = gateway.Meta.Generation;
            var programmed = Programs(facts) && facts.AssignedAddress is not null;
            var listeners = facts.OwnListeners
                .Select(l => new ListenerStatus(l.Listener.Name, l.SupportedKinds.ToValueList(),
                    context.Attachments.AttachedCount(gateway.Key, l.Id), ListenerConditions(l, programmed, generation)))
                .ToValueList();
            var conditions = InsecureFrontend(gateway, generation) is { } insecure
                ? ValueList.Of(Accepted(facts, generation), Programmed(facts, generation), insecure)
                : ValueList.Of(Accepted(facts, generation), Programmed(facts, generation));
            context.Status.Set(new GatewayStatus(gateway.Key, Addresses(facts), conditions, listeners)
            {
                AttachedListenerSets = gateway.AllowedListeners is not null || facts.ListenerSets.Count > 0
                    ? facts.ListenerSets.Count(s => s.Accepted)
                    : null,
            });
        }
    }

    /// <summary>
    /// True when the Gateway gets configuration: some listener is valid and its addresses can be asked for. Cilium
    /// writes no CiliumEnvoyConfig (nor Service) for any other Gateway of its class.
    /// </summary>
    public static bool Programs(GatewayFacts facts) => facts.Refusal is null && facts.OwnListeners.Any(l => l.Valid);

    internal static ValueList<Condition> ListenerConditions(ListenerFacts l, bool addressed, long generation)
    {
        var resolved = l.RefsProblem is { } refs
            ? Condition.False(ConditionType.ResolvedRefs, refs.Reason, refs.Message, generation)
            : Condition.True(ConditionType.ResolvedRefs, ConditionReason.ResolvedRefs, "all references resolved", generation);
        var accepted = (l.Rejection ?? l.Conflict) is { } refused
            ? Condition.False(ConditionType.Accepted, RefusedReason(refused), refused.Message, generation)
            : Condition.True(ConditionType.Accepted, ConditionReason.Accepted, "listener accepted", generation);
        var programmed = l.Valid && addressed
            ? Condition.True(ConditionType.Programmed, ConditionReason.Programmed, "listener programmed", generation)
            : Condition.False(ConditionType.Programmed, ConditionReason.Pending,
                l.Valid ? "address not ready yet" : "listener is not valid", generation);
        return l.Conflict is { } conflict
            ? ValueList.Of(accepted, resolved, programmed,
                Condition.True(ConditionType.Conflicted, conflict.Reason, conflict.Message, generation))
            : ValueList.Of(accepted, resolved, programmed);
    }

    /// <summary>
    /// Cilium's reasons for a listener it does not accept: UnsupportedProtocol, NoValidCACertificate (the Gateway API's
    /// reason for a frontend CA that cannot be used), or Invalid for anything else.
    /// </summary>
    private static ConditionReason RefusedReason(Problem refused) => refused.Reason switch
    {
        ConditionReason.UnsupportedProtocol or ConditionReason.NoValidCACertificate => refused.Reason,
        _ => ConditionReason.Invalid,
    };

    private static Condition Accepted(GatewayFacts facts, long generation)
    {
        if (!facts.OwnListeners.Any(l => l.Valid))
            return Condition.False(ConditionType.Accepted, ConditionReason.ListenersNotValid, "no listener is valid", generation);
        if (facts.Refusal is { } address)
            return Condition.False(ConditionType.Accepted, address.Reason, address.Message, generation);
        var unsupported = facts.OwnListeners.Where(l => l.Rejection?.Reason == ConditionReason.UnsupportedProtocol)
            .Select(l => $"'{l.Listener.Name}'").ToList();
        return unsupported.Count > 0
            ? Condition.True(ConditionType.Accepted, ConditionReason.ListenersNotValid,
                $"listeners {string.Join(", ", unsupported)} use protocols that are not supported; the others are accepted", generation)
            : Condition.True(ConditionType.Accepted, ConditionReason.Accepted, "gateway accepted", generation);
    }

    private static Condition Programmed(GatewayFacts facts, long generation)
    {
        if (!facts.OwnListeners.Any(l => l.Valid))
            return Condition.False(ConditionType.Programmed, ConditionReason.ListenersNotValid, "no listener is valid", generation);
        // Cilium stops at a bad address after translating (ListenersNotReady); a refused parametersRef is the spec's Invalid.
        if (facts.Refusal is { } refusal)
            return Condition.False(ConditionType.Programmed,
                refusal.Reason == ConditionReason.UnsupportedAddress ? ConditionReason.ListenersNotReady : ConditionReason.Invalid,
                refusal.Message, generation);
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
