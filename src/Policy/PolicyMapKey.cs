using System.Buffers.Binary;

namespace Meshc.PolicyEngine;

/// <summary>A decoded <c>struct policy_key</c>: prefix length (data bits from offset 4), identity, direction, protocol, port.</summary>
public readonly record struct PolicyMapKey(uint PrefixLength, uint Identity, bool Egress, byte Protocol, ushort Port)
{
    public const int Size = 12;

    /// <summary>The prefix length of a lookup key: every bit.</summary>
    public const uint FullPrefix = 64;

    public static PolicyMapKey Decode(ReadOnlySpan<byte> b) => new(
        BinaryPrimitives.ReadUInt32LittleEndian(b), BinaryPrimitives.ReadUInt32LittleEndian(b[4..]), (b[8] & 1) != 0, b[9],
        BinaryPrimitives.ReadUInt16BigEndian(b[10..]));

    /// <summary>The 64 data bits (identity, direction byte, protocol, port) as the trie compares them, most significant first.</summary>
    public ulong DataBits => ((ulong)BinaryPrimitives.ReverseEndianness(Identity) << 32) | ((ulong)(Egress ? 1 : 0) << 24) | ((ulong)Protocol << 16) | Port;
}
