using System.Buffers.Binary;

namespace Meshc.Compiler.BackEnds.Bpf.Layouts;

/// <summary>
/// <c>struct remote_endpoint_info</c> (24 bytes): the security identity (host u32), the tunnel endpoint (16 bytes,
/// IPv4 in the first four, network order), two pad bytes, the IPsec key index and the flags byte
/// (bit 0 skip_tunnel, bit 1 has_tunnel_ep, bit 2 ipv6_tunnel_ep, bit 3 remote_cluster).
/// </summary>
public readonly record struct RemoteEndpointInfo(uint Identity, uint TunnelEndpointV4, byte Key, byte Flags) : IBpfRecord
{
    public const int Size = 24;
    public const byte FlagSkipTunnel = 0x01;
    public const byte FlagHasTunnelEndpoint = 0x02;

    public int ByteSize => Size;

    public void WriteTo(Span<byte> target)
    {
        target[..Size].Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(target, Identity);
        BinaryPrimitives.WriteUInt32BigEndian(target[4..], TunnelEndpointV4);
        target[22] = Key;
        target[23] = Flags;
    }
}
