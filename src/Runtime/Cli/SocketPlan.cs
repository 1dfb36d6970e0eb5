using System.Net;
using Meshc.Runtime.Model;
using Meshc.Runtime.Proxy;

namespace Meshc.Runtime.Cli;

/// <summary>
/// Checks, before anything is bound, that the sockets a snapshot asks for can exist with the command line's values:
/// every port plus <c>--port-offset</c> within 1…65535, and no served socket where the admin port listens.
/// </summary>
public static class SocketPlan
{
    /// <summary>What is wrong with serving <paramref name="snapshot"/> with <paramref name="options"/>, or null.</summary>
    public static string? Problem(RuntimeSnapshot snapshot, ProxyOptions options)
    {
        foreach (var wanted in WantedSocket.Of(snapshot, options))
        {
            var port = wanted.BindPort(options);
            if (!options.EphemeralPorts && port is < 1 or > 65535)
                return $"{(wanted.Binding is { } b ? b.Display : $"listener {wanted.Listener}")} would listen on port {wanted.Port} + --port-offset {options.PortOffset} = {port}, outside 1…65535";
            if (options.AdminPort is { } admin && port == admin && Overlap(options.Bind, wanted.Address))
                return $"--admin-port {admin} is where {wanted.Describe(options)} listens; choose another admin port";
        }
        return null;
    }

    // Two sockets on one port collide when they share the address, or when either listens on every address.
    private static bool Overlap(IPAddress a, IPAddress b) =>
        a.Equals(b) || IsAny(a) || IsAny(b);

    private static bool IsAny(IPAddress a) => a.Equals(IPAddress.Any) || a.Equals(IPAddress.IPv6Any);
}
