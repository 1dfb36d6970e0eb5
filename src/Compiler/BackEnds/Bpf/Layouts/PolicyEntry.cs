using System.Buffers.Binary;

namespace Meshc.Compiler.BackEnds.Bpf.Layouts;

/// <summary>
/// <c>struct policy_entry</c> (12 bytes): proxy port (network order, 0 = no redirect), a flags byte (bit 0 deny,
/// bits 3-7 the key's protocol/port prefix length), the auth byte (bits 0-6 type, bit 7 explicit), precedence
/// (host u32, higher wins) and the policy log cookie (host u32).
/// </summary>
public readonly record struct PolicyEntry(
    ushort ProxyPort, bool Deny, byte PrefixLength, byte AuthType, bool HasExplicitAuth, uint Precedence, uint Cookie) : IBpfRecord
{
    public const int Size = 12;

    public int ByteSize => Size;

    public void WriteTo(Span<byte> target)
    {
        target[..Size].Clear();
        BinaryPrimitives.WriteUInt16BigEndian(target, ProxyPort);
        target[2] = (byte)((Deny ? 1 : 0) | ((PrefixLength & 0x1F) << 3));
        target[3] = (byte)((AuthType & 0x7F) | (HasExplicitAuth ? 0x80 : 0));
        BinaryPrimitives.WriteUInt32LittleEndian(target[4..], Precedence);
        BinaryPrimitives.WriteUInt32LittleEndian(target[8..], Cookie);
    }

    public static PolicyEntry Read(ReadOnlySpan<byte> source) => new(
        BinaryPrimitives.ReadUInt16BigEndian(source),
        (source[2] & 1) != 0,
        (byte)(source[2] >> 3),
        (byte)(source[3] & 0x7F),
        (source[3] & 0x80) != 0,
        BinaryPrimitives.ReadUInt32LittleEndian(source[4..]),
        BinaryPrimitives.ReadUInt32LittleEndian(source[8..]));
}
