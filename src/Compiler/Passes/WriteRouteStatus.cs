using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Passes;

/// <summary>
/// Writes each route's status: one entry per parentRef that names a Gateway of ours (or a missing Gateway), with
/// the parentRef as written, Accepted (the parent's refusal, else the route's invalid value) and ResolvedRefs
/// (the first backend that did not resolve; it is the same for every parent because backends are per route).
/// </summary>
internal sealed class WriteRouteStatus : IPass
{
    public void Run(PassContext context)
    {
        foreach (var facts in context.Routes.All.Where(f => f.Parents.Count > 0))
        {
            var generation = facts.Route.Meta.Generation;
            var resolved = facts.RefsProblem is { } refs
                ? Condition.False(ConditionType.ResolvedRefs, refs.Reason, refs.Message, generation)
                : Condition.True(ConditionType.ResolvedRefs, ConditionReason.ResolvedRefs, "all references resolved", generation);
            var parents = facts.Parents.Select(outcome =>
            {
                var accepted = (outcome.NotAccepted ?? facts.Rejection) is { } problem
                    ? Condition.False(ConditionType.Accepted, problem.Reason, problem.Message, generation)
                    : Condition.True(ConditionType.Accepted, ConditionReason.Accepted, $"accepted by {context.Options.ControllerName}", generation);
                return new RouteParentStatus(outcome.Ref, context.Options.ControllerName, ValueList.Of(accepted, resolved));
            });
            context.Status.Set(new RouteStatus(facts.Route.Key, parents.ToValueList()));
        }
    }
}
