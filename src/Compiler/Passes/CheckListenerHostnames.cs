using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Passes;

/// <summary>Checks each listener hostname (RFC 1123, optional leading <c>*.</c>); an invalid one is not accepted.</summary>
internal sealed class CheckListenerHostnames : IPass
{
    public void Run(PassContext context)
    {
        foreach (var gateway in context.Gateways.All)
        foreach (var facts in gateway.Listeners)
        {
            if (facts.Listener.Hostname is not { } hostname || HostnameMatching.Validate(hostname) is not { } reason) continue;
            var diagnostic = context.Diagnostics.ReportInvalidHostname(facts.Listener.Origin, hostname, reason);
            facts.Reject(new Problem(ConditionReason.UnsupportedValue, diagnostic.Message));
        }
    }
}
