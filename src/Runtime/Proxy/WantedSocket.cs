using System.Net;
using Meshc.Runtime.Model;

namespace Meshc.Runtime.Proxy;

/// <summary>
/// A socket a snapshot asks for: the listener it serves, the Gateway or Service it stands for (null: the listener's own
/// port) and where, as the bundle says (the port before <see cref="ProxyOptions.PortOffset"/>).
/// </summary>
public sealed record WantedSocket(string Listener, AddressBinding? Binding, IPAddress Address, int Port)
{
    /// <summary>
    /// The sockets of <paramref name="snapshot"/>: with <see cref="ProxyOptions.UseBindings"/> each listener on every
    /// address and port of the Gateways or Services bound to it, any other listener on its own port at
    /// <see cref="ProxyOptions.Bind"/>. The same rule at start and on every reload.
    /// </summary>
    public static IReadOnlyList<WantedSocket> Of(RuntimeSnapshot snapshot, ProxyOptions options)
    {
        var wanted = new List<WantedSocket>();
        // A listener whose TLS secrets are missing is not served; the snapshot says why.
        foreach (var listener in snapshot.Listeners.Where(l => !snapshot.ListenerErrors.ContainsKey(l.Name)))
        {
            var bindings = options.UseBindings ? snapshot.Bindings.Where(b => b.Listener == listener.Name).ToList() : [];
            if (bindings.Count == 0) wanted.Add(new WantedSocket(listener.Name, null, options.Bind, listener.Port));
            foreach (var binding in bindings)
                foreach (var port in binding.Ports) wanted.Add(new WantedSocket(listener.Name, binding, binding.Address, port));
        }
        // Two listeners asking for one address and port cannot both have it; the first keeps it, as a bind would decide.
        return [.. wanted.DistinctBy(w => w.Key(options))];
    }

    /// <summary>
    /// What makes a socket the same one across a reload: its address and port, whatever listener it serves now (so a
    /// kept socket keeps its connections). Ephemeral ports have no stable number, so there the listener tells them apart.
    /// </summary>
    public (IPAddress Address, int Port, string? Listener) Key(ProxyOptions options) =>
        (Address, Port, options.EphemeralPorts ? Listener : null);

    /// <summary>The port to bind: the bundle's plus the offset, or 0 (ephemeral).</summary>
    public int BindPort(ProxyOptions options) => options.EphemeralPorts ? 0 : Port + options.PortOffset;

    /// <summary>How a line names it before it is bound: <c>gateway default/gw (127.0.100.1:10080)</c>.</summary>
    public string Describe(ProxyOptions options) =>
        $"{(Binding is { } b ? b.Display : $"listener {Listener}")} ({ListenerSocket.FormatHost(Address)}:{BindPort(options)})";
}
