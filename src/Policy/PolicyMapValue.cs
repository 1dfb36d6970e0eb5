using System.Buffers.Binary;

namespace Meshc.PolicyEngine;

/// <summary>A decoded <c>struct policy_entry</c>.</summary>
public readonly record struct PolicyMapValue(ushort ProxyPort, bool Deny, byte LpmPrefixLength, byte AuthType, bool HasExplicitAuth, uint Precedence, uint Cookie)
{
    public const int Size = 12;

    /// <summary><c>MAX_PRECEDENCE</c>: a deny at the highest priority.</summary>
    public const uint MaxPrecedence = 0xFFFFFFFF;

    public static PolicyMapValue Decode(ReadOnlySpan<byte> b) => new(
        BinaryPrimitives.ReadUInt16BigEndian(b), (b[2] & 1) != 0, (byte)(b[2] >> 3), (byte)(b[3] & 0x7F), (b[3] & 0x80) != 0,
        BinaryPrimitives.ReadUInt32LittleEndian(b[4..]), BinaryPrimitives.ReadUInt32LittleEndian(b[8..]));
}
