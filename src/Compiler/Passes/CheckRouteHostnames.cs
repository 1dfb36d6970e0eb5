using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Passes;

/// <summary>Checks a route's hostnames (RFC 1123, optional leading <c>*.</c>); an invalid one rejects the route.</summary>
internal sealed class CheckRouteHostnames : IPass
{
    public void Run(PassContext context)
    {
        foreach (var facts in context.Routes.All)
        foreach (var hostname in facts.Route.Hostnames)
        {
            if (HostnameMatching.Validate(hostname) is not { } reason) continue;
            // The IR keeps no position per hostname, so the finding points at the route.
            facts.Reject(context.Diagnostics.ReportInvalidHostname(facts.Route.Meta.Origin, hostname, reason).Message);
        }
    }
}
