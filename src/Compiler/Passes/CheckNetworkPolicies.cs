using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Passes;

/// <summary>
/// Value checks of CiliumNetworkPolicies that need more than one field or the rest of the model: HTTP method and
/// path regexes (Cilium's proxy reads them as RE2), HTTP rules on non-TCP ports, and selectors (the endpoint
/// selector, <c>fromEndpoints</c>/<c>toEndpoints</c>) that select no workload of the input — a warning, because
/// the pods may simply not be part of the input.
/// </summary>
internal sealed class CheckNetworkPolicies : IPass
{
    public void Run(PassContext context)
    {
        foreach (var policy in context.Model.NetworkPolicies)
        {
            var name = policy.Key.QualifiedName;
            if (!SelectsAny(context.Model, policy.EndpointSelector, policy.Meta.Namespace))
                context.Diagnostics.ReportPolicySelectsNothing(policy.Meta.Origin, "endpointSelector", name);
            foreach (var rule in policy.Rules)
            {
                foreach (var peer in rule.Peers)
                {
                    if (peer.Selector is { } selector && !SelectsAny(context.Model, selector, policy.Meta.Namespace))
                        context.Diagnostics.ReportPolicySelectsNothing(peer.Origin, $"a peer selector of {rule.Name}", name);
                }
                foreach (var port in rule.Ports)
                {
                    if (!port.Http.IsEmpty && port.Protocol is not ("TCP" or "ANY"))
                        context.Diagnostics.ReportPolicyHttpNotTcp(port.Origin, port.Protocol);
                    foreach (var http in port.Http)
                    {
                        foreach (var pattern in new[] { http.Method, http.Path }.OfType<string>())
                        {
                            if (Re2Syntax.Problem(pattern) is { } reason)
                                context.Diagnostics.ReportInvalidRegex(http.Origin, pattern, reason);
                        }
                    }
                }
            }
        }
    }

    private static bool SelectsAny(MeshModel model, LabelSelector selector, string ns)
    {
        var scoped = PolicySelectors.Scoped(selector, ns);
        return model.Workloads.Any(w => scoped.Matches(PolicySelectors.PodLabels(w)));
    }
}
