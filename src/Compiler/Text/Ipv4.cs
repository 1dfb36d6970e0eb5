using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Meshc.Compiler.Text;

/// <summary>IPv4 addresses as numbers, so ranges can be walked and compared.</summary>
public static class Ipv4
{
    /// <summary>The address as a big-endian number, or null when <paramref name="text"/> is not an IPv4 address.</summary>
    public static uint? Parse(string text) =>
        IPAddress.TryParse(text, out var ip) && ip.AddressFamily == AddressFamily.InterNetwork && !text.Contains(':')
            ? BinaryPrimitives.ReadUInt32BigEndian(ip.GetAddressBytes())
            : null;

    public static string Format(uint address) =>
        $"{address >> 24}.{(address >> 16) & 0xFF}.{(address >> 8) & 0xFF}.{address & 0xFF}";

    /// <summary>The first and last address of an IPv4 CIDR, or null when it is not one.</summary>
    public static (uint First, uint Last)? Range(string cidr)
    {
        if (!CidrText.TryParse(cidr, out var network, out var bits) || network.AddressFamily != AddressFamily.InterNetwork) return null;
        var first = BinaryPrimitives.ReadUInt32BigEndian(network.GetAddressBytes());
        var size = bits == 0 ? uint.MaxValue : (1u << (32 - bits)) - 1;
        return (first, first + size);
    }
}
