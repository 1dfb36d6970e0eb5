using System.Buffers.Binary;

namespace Meshc.Compiler.BackEnds.Bpf.Layouts;

/// <summary>
/// <c>struct lb4_key</c> (12 bytes): the frontend address (be32), port (be16), the backend slot (host u16; 0 is the
/// master entry), the protocol (0 = any), the scope (0 external, 1 internal) and two pad bytes.
/// </summary>
public readonly record struct Lb4Key(uint Address, ushort Port, ushort BackendSlot, byte Protocol, byte Scope) : IBpfRecord
{
    public const int Size = 12;

    public int ByteSize => Size;

    public void WriteTo(Span<byte> target)
    {
        target[..Size].Clear();
        BinaryPrimitives.WriteUInt32BigEndian(target, Address);
        BinaryPrimitives.WriteUInt16BigEndian(target[4..], Port);
        BinaryPrimitives.WriteUInt16LittleEndian(target[6..], BackendSlot);
        target[8] = Protocol;
        target[9] = Scope;
    }
}
