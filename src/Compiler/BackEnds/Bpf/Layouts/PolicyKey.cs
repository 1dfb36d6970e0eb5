using System.Buffers.Binary;

namespace Meshc.Compiler.BackEnds.Bpf.Layouts;

/// <summary>
/// <c>struct policy_key</c> (12 bytes): LPM prefix length (host u32) counting data bits from offset 4, the remote
/// identity (host u32, 0 = any), the direction bit (1 = egress), the IP protocol and the destination port in network order.
/// </summary>
public readonly record struct PolicyKey(uint PrefixLength, uint Identity, bool Egress, byte Protocol, ushort Port) : IBpfRecord
{
    public const int Size = 12;

    /// <summary>Prefix bits covering identity and direction; protocol and port bits follow.</summary>
    public const uint StaticPrefixBits = 40;

    /// <summary>The full prefix: identity, direction, protocol and port.</summary>
    public const uint FullPrefixBits = 64;

    public int ByteSize => Size;

    /// <summary>The protocol and port bits this key matches (0..24), which is the entry's <c>lpm_prefix_length</c>.</summary>
    public byte DataPrefixBits => (byte)(PrefixLength - StaticPrefixBits);

    public void WriteTo(Span<byte> target)
    {
        target[..Size].Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(target, PrefixLength);
        BinaryPrimitives.WriteUInt32LittleEndian(target[4..], Identity);
        target[8] = Egress ? (byte)1 : (byte)0;
        target[9] = Protocol;
        BinaryPrimitives.WriteUInt16BigEndian(target[10..], Port);
    }

    public static PolicyKey Read(ReadOnlySpan<byte> source) => new(
        BinaryPrimitives.ReadUInt32LittleEndian(source),
        BinaryPrimitives.ReadUInt32LittleEndian(source[4..]),
        (source[8] & 1) != 0,
        source[9],
        BinaryPrimitives.ReadUInt16BigEndian(source[10..]));
}
