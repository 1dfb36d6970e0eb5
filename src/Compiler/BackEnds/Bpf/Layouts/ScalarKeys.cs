using System.Buffers.Binary;

namespace Meshc.Compiler.BackEnds.Bpf.Layouts;

/// <summary>The key of <c>cilium_lb4_backends_v3</c>: the backend id as a host u32.</summary>
public readonly record struct BackendIdKey(uint Id) : IBpfRecord
{
    public const int Size = 4;
    public int ByteSize => Size;
    public void WriteTo(Span<byte> target) => BinaryPrimitives.WriteUInt32LittleEndian(target, Id);
}

/// <summary>The key of <c>cilium_lb4_reverse_nat</c>: the reverse-NAT index as a u16 in network order.</summary>
public readonly record struct RevNatKey(ushort Index) : IBpfRecord
{
    public const int Size = 2;
    public int ByteSize => Size;
    public void WriteTo(Span<byte> target) => BinaryPrimitives.WriteUInt16BigEndian(target, Index);
}
