using Envoy.Config.Core.V3;
using Envoy.Config.Listener.V3;
using Meshc.Compiler.Diagnostics;

namespace Meshc.Compiler.BackEnds.Xds.Agent;

/// <summary>
/// Gives every listener without an address (and not internal) a proxy port and the local address, as the agent
/// does with <c>AllocateCRDProxyPort(listenerName)</c>. The agent's ports depend on allocation history; here they
/// run from <see cref="CompilationOptions.ProxyPortBase"/> in the order of the qualified listener names, skipping
/// ports that listeners with an explicit address already use, so the same input always gets the same ports.
/// </summary>
internal static class ProxyPortAllocator
{
    /// <summary>Sets the address of each listener that needs one; returns the port of every listener, sorted by name.</summary>
    public static IReadOnlyList<ListenerPort> Assign(IReadOnlyList<AgentResource> listeners, int portBase, DiagnosticBag diagnostics)
    {
        var ports = new List<ListenerPort>();
        var taken = new HashSet<uint>();
        foreach (var resource in listeners)
        {
            if (((Listener)resource.Message).Address?.SocketAddress is { } socket)
            {
                taken.Add(socket.PortValue);
                ports.Add(new ListenerPort(resource.Name, socket.Address, (int)socket.PortValue, Allocated: false));
            }
        }
        var next = (uint)Math.Max(portBase, 1);
        foreach (var resource in listeners.OrderBy(l => l.Name, StringComparer.Ordinal))
        {
            var listener = (Listener)resource.Message;
            if (listener.Address is not null || listener.InternalListener is not null) continue;
            while (taken.Contains(next)) next++;
            if (next > ushort.MaxValue)
            {
                diagnostics.ReportProxyPortsExhausted(resource.Origin, resource.Name, portBase);
                continue;
            }
            listener.Address = new Address
            {
                SocketAddress = new SocketAddress { Address = AgentDefaults.LocalListenerAddress, PortValue = next },
            };
            ports.Add(new ListenerPort(resource.Name, AgentDefaults.LocalListenerAddress, (int)next, Allocated: true));
            taken.Add(next);
        }
        return [.. ports.OrderBy(p => p.Listener, StringComparer.Ordinal)];
    }
}
