using Meshc.Compiler.BackEnds.Bpf.Layouts;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.BackEnds.Bpf;

/// <summary>
/// The protocol/port part of a rule's policy keys: no ports is any protocol and port (prefix 40); port 0 is any port
/// of the protocol (prefix 48); a port or range becomes its masked blocks (48 + port bits). ANY with a port stands
/// for TCP, UDP and SCTP, since a key has protocol 0 only when fully wildcarded.
/// </summary>
internal static class PolicyPorts
{
    public const byte Tcp = 6;
    public const byte Udp = 17;
    public const byte Sctp = 132;

    /// <summary>One key shape: protocol, port and prefix length, with the port rule it came from (null: no ports).</summary>
    public readonly record struct KeyPart(byte Protocol, ushort Port, uint PrefixLength, NetworkPolicyPort? Source);

    public static IEnumerable<KeyPart> Parts(NetworkPolicyRule rule)
    {
        if (rule.Ports.IsEmpty)
        {
            yield return new KeyPart(0, 0, PolicyKey.StaticPrefixBits, null);
            yield break;
        }
        foreach (var port in rule.Ports)
        {
            foreach (var protocol in Protocols(port))
            {
                if (port.Port == 0)
                {
                    yield return new KeyPart(protocol, 0, protocol == 0 ? PolicyKey.StaticPrefixBits : PolicyKey.StaticPrefixBits + 8, port);
                    continue;
                }
                foreach (var (value, bits) in PortMasks.Split(port.Port, port.LastPort))
                    yield return new KeyPart(protocol, value, PolicyKey.StaticPrefixBits + 8 + (uint)bits, port);
            }
        }
    }

    public static string Name(byte protocol) => protocol switch
    {
        Tcp => "TCP",
        Udp => "UDP",
        Sctp => "SCTP",
        0 => "ANY",
        _ => protocol.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static byte Number(string protocol) => protocol switch
    {
        "TCP" => Tcp,
        "UDP" => Udp,
        "SCTP" => Sctp,
        _ => 0,
    };

    private static IEnumerable<byte> Protocols(NetworkPolicyPort port) => port.Protocol switch
    {
        "ANY" when port.Port == 0 => [0],
        "ANY" => [Tcp, Udp, Sctp],
        var p => [Number(p)],
    };
}
