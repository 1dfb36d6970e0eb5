using System.Buffers.Binary;

namespace Meshc.Compiler.BackEnds.Bpf.Layouts;

/// <summary>
/// <c>struct lb4_service</c> (12 bytes). The first four bytes are a union: a slot entry holds the backend id (host
/// u32); a master entry with the L7 load-balancer flag holds the proxy port in network order in bytes 0-1 (Cilium
/// writes <c>uint32(htons(port))</c>). Then the backend count (host u16), the reverse-NAT index (network order),
/// flags, flags2 and the quarantined count (host u16).
/// </summary>
public readonly record struct Lb4Service(
    uint BackendId, ushort L7ProxyPort, ushort Count, ushort RevNatIndex, byte Flags, byte Flags2, ushort QuarantinedCount) : IBpfRecord
{
    public const int Size = 12;

    /// <summary><c>SVC_FLAG_L7_LOADBALANCER</c> in flags2: the proxy port in the union is valid.</summary>
    public const byte Flag2L7LoadBalancer = 0x04;

    public int ByteSize => Size;

    public bool IsL7LoadBalancer => (Flags2 & Flag2L7LoadBalancer) != 0;

    public void WriteTo(Span<byte> target)
    {
        target[..Size].Clear();
        if (IsL7LoadBalancer) BinaryPrimitives.WriteUInt16BigEndian(target, L7ProxyPort);
        else BinaryPrimitives.WriteUInt32LittleEndian(target, BackendId);
        BinaryPrimitives.WriteUInt16LittleEndian(target[4..], Count);
        BinaryPrimitives.WriteUInt16BigEndian(target[6..], RevNatIndex);
        target[8] = Flags;
        target[9] = Flags2;
        BinaryPrimitives.WriteUInt16LittleEndian(target[10..], QuarantinedCount);
    }
}
