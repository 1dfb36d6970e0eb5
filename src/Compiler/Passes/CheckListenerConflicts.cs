using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Passes;

/// <summary>
/// Finds indistinct listeners among those meshc compiles (HTTP, HTTPS): HTTP and HTTPS on one port cannot be told
/// apart (ProtocolConflict); the same protocol, port and hostname twice is a HostnameConflict. As the Gateway API
/// says, every listener of a conflicting set is refused — none is picked as the winner. Protocols meshc does not
/// compile take no part: the spec exempts kinds an implementation does not support.
/// </summary>
internal sealed class CheckListenerConflicts : IPass
{
    public void Run(PassContext context)
    {
        foreach (var gateway in context.Gateways.All)
        {
            var compiled = gateway.Listeners.Where(l => RouteKinds.ForProtocol(l.Listener.Protocol).Count > 0).ToList();
            for (var i = 0; i < compiled.Count; i++)
            {
                var later = compiled[i];
                var earlier = compiled.Take(i).Where(e => e.Listener.Port == later.Listener.Port).ToList();
                if (earlier.FirstOrDefault(e => e.Listener.Protocol != later.Listener.Protocol) is { } protocolClash)
                    ReportProtocol(context, gateway.Gateway, protocolClash, later);
                else if (earlier.FirstOrDefault(e => SameHostname(e.Listener, later.Listener)) is { } hostnameClash)
                    ReportHostname(context, gateway.Gateway, hostnameClash, later);
            }
        }
    }

    private static void ReportProtocol(PassContext context, Gateway gateway, ListenerFacts first, ListenerFacts second)
    {
        var d = context.Diagnostics.ReportListenerProtocolConflict(second.Listener.Origin, first.Listener.Name,
            second.Listener.Name, gateway.Key.QualifiedName, second.Listener.Port);
        var problem = new Problem(ConditionReason.ProtocolConflict, d.Message);
        first.MarkConflict(problem);
        second.MarkConflict(problem);
    }

    private static void ReportHostname(PassContext context, Gateway gateway, ListenerFacts first, ListenerFacts second)
    {
        var hostname = string.IsNullOrEmpty(second.Listener.Hostname) ? HostnameMatching.All : second.Listener.Hostname;
        var d = context.Diagnostics.ReportListenerHostnameConflict(second.Listener.Origin, first.Listener.Name,
            second.Listener.Name, gateway.Key.QualifiedName, second.Listener.Port, hostname);
        var problem = new Problem(ConditionReason.HostnameConflict, d.Message);
        first.MarkConflict(problem);
        second.MarkConflict(problem);
    }

    private static bool SameHostname(Listener a, Listener b) =>
        string.Equals(a.Hostname ?? "", b.Hostname ?? "", StringComparison.Ordinal);
}
