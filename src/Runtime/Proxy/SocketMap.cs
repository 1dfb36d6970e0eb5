using System.Net;

namespace Meshc.Runtime.Proxy;

/// <summary>Which listener each bound socket serves, by its local address and port; published with the snapshot it belongs to.</summary>
public sealed class SocketMap(IReadOnlyDictionary<(IPAddress Address, int Port), string> listeners)
{
    public static SocketMap Empty { get; } = new(new Dictionary<(IPAddress, int), string>());

    /// <summary>The listener of the socket a connection arrived on (null for an unknown socket).</summary>
    public string? ListenerFor(IPAddress? local, int port)
    {
        var address = local is { IsIPv4MappedToIPv6: true } mapped ? mapped.MapToIPv4() : local;
        return address is null ? null : listeners.GetValueOrDefault((address, port));
    }
}
