using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Meshc.Compiler.BackEnds.Bpf.Layouts;

/// <summary>
/// <c>struct ipcache_key</c> (24 bytes, packed): LPM prefix length (host u32) = 32 static bits + the IP prefix bits,
/// cluster id (host u16), a pad byte, the family (1 IPv4, 2 IPv6) and the address in network order, bits beyond the
/// prefix cleared.
/// </summary>
public readonly record struct IpcacheKey(uint PrefixLength, ushort ClusterId, byte Family, byte[] Address) : IBpfRecord
{
    public const int Size = 24;
    public const byte FamilyIPv4 = 1;
    public const byte FamilyIPv6 = 2;

    /// <summary>Bits before the address: cluster id, pad and family.</summary>
    public const uint StaticPrefixBits = 32;

    public int ByteSize => Size;

    /// <summary>The key of <paramref name="address"/>/<paramref name="prefixBits"/> in cluster 0.</summary>
    public static IpcacheKey For(IPAddress address, int prefixBits)
    {
        var bytes = new byte[16];
        address.GetAddressBytes().CopyTo(bytes, 0);
        for (var bit = prefixBits; bit < 128; bit++) bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        var family = address.AddressFamily == AddressFamily.InterNetwork ? FamilyIPv4 : FamilyIPv6;
        return new IpcacheKey(StaticPrefixBits + (uint)prefixBits, 0, family, bytes);
    }

    public void WriteTo(Span<byte> target)
    {
        target[..Size].Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(target, PrefixLength);
        BinaryPrimitives.WriteUInt16LittleEndian(target[4..], ClusterId);
        target[7] = Family;
        Address.AsSpan(0, Math.Min(16, Address.Length)).CopyTo(target[8..]);
    }

    public bool Equals(IpcacheKey other) =>
        PrefixLength == other.PrefixLength && ClusterId == other.ClusterId && Family == other.Family &&
        Address.AsSpan().SequenceEqual(other.Address);

    public override int GetHashCode() => HashCode.Combine(PrefixLength, ClusterId, Family, Convert.ToHexString(Address));
}
