using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Passes;

/// <summary>
/// Finds indistinct listeners among those meshc compiles (HTTP, HTTPS): HTTP and HTTPS on one port cannot be told
/// apart (ProtocolConflict); the same protocol, port and hostname twice is a HostnameConflict. As the Gateway API
/// says, every listener of a conflicting set is refused — none is picked as the winner. Protocols meshc does not
/// compile take no part: the spec exempts kinds an implementation does not support.
/// A ListenerSet's listeners join the Gateway's list after its own (GEP-1713), and there the spec's precedence decides:
/// the earlier listener keeps its port and hostname, and only the later one is Conflicted — whatever its protocol,
/// since a port taken by one protocol cannot serve another.
/// </summary>
internal sealed class CheckListenerConflicts : IPass
{
    public void Run(PassContext context)
    {
        foreach (var gateway in context.Gateways.All)
        {
            var compiled = gateway.OwnListeners.Where(l => RouteKinds.ForProtocol(l.Listener.Protocol).Count > 0).ToList();
            for (var i = 0; i < compiled.Count; i++)
            {
                var later = compiled[i];
                var earlier = compiled.Take(i).Where(e => e.Listener.Port == later.Listener.Port).ToList();
                if (earlier.FirstOrDefault(e => e.Listener.Protocol != later.Listener.Protocol) is { } protocolClash)
                    ReportProtocol(context, gateway.Gateway, protocolClash, later);
                else if (earlier.FirstOrDefault(e => SameHostname(e.Listener, later.Listener)) is { } hostnameClash)
                    ReportHostname(context, gateway.Gateway, hostnameClash, later);
            }
            CheckListenerSets(context, gateway);
        }
    }

    /// <summary>Each ListenerSet listener against every earlier listener of the merged list that kept its place.</summary>
    private static void CheckListenerSets(PassContext context, GatewayFacts gateway)
    {
        var kept = gateway.OwnListeners.ToList();
        foreach (var later in gateway.Listeners.Where(l => l.Set is not null))
        {
            var samePort = kept.Where(e => e.Listener.Port == later.Listener.Port).ToList();
            var listener = later.Listener;
            var setName = later.Set!.ListenerSet.Key.QualifiedName;
            var gatewayName = gateway.Gateway.Key.QualifiedName;
            if (samePort.FirstOrDefault(e => e.Listener.Protocol != listener.Protocol || e.Listener.ProtocolText != listener.ProtocolText) is { } protocolClash)
            {
                context.Diagnostics.ReportListenerSetProtocolConflict(listener.Origin, listener.Name, setName, listener.Port,
                    listener.ProtocolText, protocolClash.Id, gatewayName);
                // The status of a set must not tell one tenant about another's listeners (GEP-1713): no names in it.
                later.MarkConflict(new Problem(ConditionReason.ProtocolConflict,
                    $"port {listener.Port} is already used with another protocol by a listener that takes precedence"));
            }
            else if (samePort.FirstOrDefault(e => SameHostname(e.Listener, listener)) is { } hostnameClash)
            {
                var hostname = string.IsNullOrEmpty(listener.Hostname) ? HostnameMatching.All : listener.Hostname;
                context.Diagnostics.ReportListenerSetHostnameConflict(listener.Origin, listener.Name, setName, hostname,
                    listener.Port, hostnameClash.Id, gatewayName);
                later.MarkConflict(new Problem(ConditionReason.HostnameConflict,
                    $"hostname {hostname} on port {listener.Port} is already served by a listener that takes precedence"));
            }
            else
            {
                kept.Add(later);
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
