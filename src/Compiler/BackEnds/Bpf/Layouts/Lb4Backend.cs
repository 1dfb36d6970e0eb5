using System.Buffers.Binary;

namespace Meshc.Compiler.BackEnds.Bpf.Layouts;

/// <summary>
/// <c>struct lb4_backend</c> (12 bytes): address (be32), port (be16), protocol, state flags (0 active, 1 terminating,
/// 2 quarantined, 3 maintenance), cluster id (host u16), zone and a pad byte.
/// </summary>
public readonly record struct Lb4Backend(uint Address, ushort Port, byte Protocol, byte State, ushort ClusterId, byte Zone) : IBpfRecord
{
    public const int Size = 12;
    public const byte StateActive = 0;
    public const byte StateTerminating = 1;

    public int ByteSize => Size;

    public void WriteTo(Span<byte> target)
    {
        target[..Size].Clear();
        BinaryPrimitives.WriteUInt32BigEndian(target, Address);
        BinaryPrimitives.WriteUInt16BigEndian(target[4..], Port);
        target[6] = Protocol;
        target[7] = State;
        BinaryPrimitives.WriteUInt16LittleEndian(target[8..], ClusterId);
        target[10] = Zone;
    }
}
