using Envoy.Config.Core.V3;

namespace Meshc.Compiler.BackEnds.Xds.Gateway;

/// <summary>The TCP keep-alive socket options Cilium sets on every Gateway listener (Linux option numbers).</summary>
internal static class KeepaliveSocketOptions
{
    private const long SolSocket = 1, SoKeepalive = 9;
    private const long IpprotoTcp = 6, TcpKeepidle = 4, TcpKeepintvl = 5, TcpKeepcnt = 6;

    /// <summary>Keep-alive on; 10 s idle, 5 s between probes, 10 probes. Descriptions are Cilium's own.</summary>
    public static IEnumerable<SocketOption> All()
    {
        yield return Option("Enable TCP keep-alive (default to enabled)", SolSocket, SoKeepalive, 1);
        yield return Option("TCP keep-alive idle time (in seconds) (defaults to 10s)", IpprotoTcp, TcpKeepidle, 10);
        yield return Option("TCP keep-alive probe intervals (in seconds) (defaults to 5s)", IpprotoTcp, TcpKeepintvl, 5);
        yield return Option("TCP keep-alive probe max failures.", IpprotoTcp, TcpKeepcnt, 10);
    }

    // State stays STATE_PREBIND (the proto default): the options apply to the socket before bind.
    private static SocketOption Option(string description, long level, long name, long value) =>
        new() { Description = description, Level = level, Name = name, IntValue = value };
}
