using System.Buffers.Binary;

namespace Meshc.Compiler.BackEnds.Bpf.Layouts;

/// <summary><c>struct lb4_reverse_nat</c> (6 bytes, packed): the frontend address (be32) and port (be16).</summary>
public readonly record struct Lb4ReverseNat(uint Address, ushort Port) : IBpfRecord
{
    public const int Size = 6;

    public int ByteSize => Size;

    public void WriteTo(Span<byte> target)
    {
        BinaryPrimitives.WriteUInt32BigEndian(target, Address);
        BinaryPrimitives.WriteUInt16BigEndian(target[4..], Port);
    }
}
