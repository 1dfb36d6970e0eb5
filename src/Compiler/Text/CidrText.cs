using System.Net;
using System.Net.Sockets;

namespace Meshc.Compiler.Text;

/// <summary>Parses, normalises and compares CIDRs (<c>a.b.c.d/n</c>; a bare address is a host prefix).</summary>
public static class CidrText
{
    public static bool TryParse(string text, out IPAddress network, out int bits)
    {
        network = IPAddress.None;
        bits = 0;
        var slash = text.IndexOf('/');
        if (!IPAddress.TryParse(slash < 0 ? text : text[..slash], out var address)) return false;
        var max = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        bits = max;
        if (slash >= 0 && (!int.TryParse(text[(slash + 1)..], out bits) || bits < 0 || bits > max)) return false;
        network = Mask(address, bits);
        return true;
    }

    /// <summary>The canonical text: the network address with host bits cleared, then the prefix length.</summary>
    public static string Normalize(IPAddress network, int bits) => $"{Mask(network, bits)}/{bits}";

    public static bool Contains(IPAddress network, int bits, IPAddress address) =>
        network.AddressFamily == address.AddressFamily && Mask(address, bits).Equals(network);

    /// <summary>Orders CIDRs by family, then address bytes, then prefix length: the order CIDR identities are numbered in.</summary>
    public static int Compare(string left, string right)
    {
        // Callers order CIDRs already checked; anything else sorts after them, by text.
        var (leftOk, rightOk) = (TryParse(left, out var a, out var abits), TryParse(right, out var b, out var bbits));
        if (!leftOk || !rightOk) return leftOk != rightOk ? (leftOk ? -1 : 1) : string.CompareOrdinal(left, right);
        var family = a.AddressFamily.CompareTo(b.AddressFamily);
        if (family != 0) return family;
        var bytes = a.GetAddressBytes().AsSpan().SequenceCompareTo(b.GetAddressBytes());
        return bytes != 0 ? bytes : abits.CompareTo(bbits);
    }

    private static IPAddress Mask(IPAddress address, int bits)
    {
        var bytes = address.GetAddressBytes();
        for (var bit = bits; bit < bytes.Length * 8; bit++) bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        return new IPAddress(bytes);
    }
}
