using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.Passes;

/// <summary>Runs the passes in their one fixed order (each step's reason is written beside it).</summary>
internal static class PassPipeline
{
    public static Analysis Run(MeshModel model, CompilationOptions options, DiagnosticBag diagnostics)
    {
        var context = new PassContext(model, options, diagnostics);
        IPass[] passes =
        [
            new CheckGatewayClasses(),      // first: every Gateway check works only on the Gateways of our controller
            new CheckGatewayAddresses(),    // independent of listeners; its verdict feeds the Gateway's status
            new CheckGatewayParameters(),   // likewise
            new CheckListenerNames(),       // before other listener checks: they run once per distinct listener name
            new AttachListenerSets(),       // after the names, before the other checks: they check the merged list
            new CheckListenerProtocols(),   // supported kinds, needed by the conflict check and by route attachment
            new CheckListenerHostnames(),   // an invalid hostname refuses the listener before routes attach
            new CheckListenerTls(),         // certificates decide whether an HTTPS listener is usable
            new CheckListenerConflicts(),   // last listener check: refuses every listener of an indistinct set
            new CheckRouteHostnames(),      // route value checks come before attachment: an invalid route attaches nowhere
            new CheckRouteMatches(),
            new CheckRouteFilters(),
            new CheckBackendWeights(),
            new CheckTimeoutsAndRetries(),
            new CheckBackendTlsPolicies(),  // before backends resolve: a resolved Service port carries its upstream TLS
            new ResolveBackends(),          // before parent refs: attachments carry the resolved rules
            new ResolveParentRefs(),        // needs listener validity, route validity and resolved rules
            new CheckServiceEndpoints(),    // needs the bindings: only Services that bound routes use are checked
            new CheckMatchPrecedence(),     // needs the bindings: clashes happen per listener and hostname
            new CheckEnvoyConfigs(),        // independent of the Gateway API objects
            new CheckEndpointSlices(),      // independent of everything but the Services
            new CheckNetworkPolicies(),     // independent of the Gateway API objects; needs only the workloads
            new AssignGatewayAddresses(),   // needs the Gateways' verdicts: only accepted Gateways get an address
            new AssignServiceAddresses(),   // after the Gateways: writes the address table with both
            new WriteRouteStatus(),         // after every route finding (values, backends, parents)
            new WriteBackendTlsPolicyStatus(), // needs the bindings: ancestors are the Gateways whose routes use a target
            new WriteGatewayStatus(),       // last: attachedRoutes counts need every attachment
            new WriteListenerSetStatus(),   // likewise, and Programmed follows the parent Gateway's address
        ];
        foreach (var pass in passes) pass.Run(context);
        return AnalysisBuilder.Build(context);
    }
}
