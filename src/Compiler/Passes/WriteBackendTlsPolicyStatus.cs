using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Passes;

/// <summary>
/// Writes each BackendTLSPolicy's status as Cilium does: one ancestor per Gateway of ours that has a route bound with a
/// backend on a targeted Service port, with Accepted and ResolvedRefs (both True; or False with NoValidCACertificate
/// and the reference problem; or Accepted=False Conflicted alone). A policy no Gateway uses gets no entry.
/// </summary>
internal sealed class WriteBackendTlsPolicyStatus : IPass
{
    public void Run(PassContext context)
    {
        var bound = context.Attachments.AllBound().ToList();
        foreach (var facts in context.BackendTls.All)
        {
            var generation = facts.Policy.Meta.Generation;
            var ancestors = bound
                .Where(b => b.Attachment.Rules.Any(r => r.Backends.Any(backend => Targets(context, facts, backend.Target))))
                .Select(b => b.Gateway)
                .Distinct()
                .Order()
                .Select(gateway => new PolicyAncestorStatus(
                    new ParentRef(RouteGroupKind.GatewayGroup, "Gateway", gateway.Namespace, gateway.Name, null, null, Text.SourceLocation.None),
                    context.Options.ControllerName,
                    Conditions(facts, generation)))
                .ToValueList();
            if (!ancestors.IsEmpty) context.Status.Set(new PolicyStatus(facts.Policy.Key, ancestors));
        }
    }

    private static bool Targets(PassContext context, BackendTlsFacts facts, ServiceTarget target)
    {
        var portName = context.Index.FindService(target.Namespace, target.Name)?.FindPort(target.Port)?.Name;
        return facts.Targets.Any(t => t.Namespace == target.Namespace && t.Service == target.Name && (t.Section is null || t.Section == portName));
    }

    private static ValueList<Condition> Conditions(BackendTlsFacts facts, long generation)
    {
        if (facts.Conflicted)
            return ValueList.Of(Condition.False(ConditionType.Accepted, ConditionReason.Conflicted, "BackendTLSPolicy conflicts with another", generation));
        if (facts.Invalid is { } invalid)
            return ValueList.Of(
                Condition.False(ConditionType.Accepted, invalid.Accepted.Reason, invalid.Accepted.Message, generation),
                Condition.False(ConditionType.ResolvedRefs, invalid.Refs.Reason, invalid.Refs.Message, generation));
        return ValueList.Of(
            Condition.True(ConditionType.Accepted, ConditionReason.Accepted, "Accepted BackendTLSPolicy", generation),
            Condition.True(ConditionType.ResolvedRefs, ConditionReason.ResolvedRefs, "All references are valid", generation));
    }
}
