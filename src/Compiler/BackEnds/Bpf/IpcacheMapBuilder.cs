using System.Net;
using Meshc.Compiler.BackEnds.Bpf.Identities;
using Meshc.Compiler.BackEnds.Bpf.Layouts;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.BackEnds.Bpf;

/// <summary>
/// Builds <c>cilium_ipcache_v2</c>: every known endpoint address as a host prefix, every CIDR identity as its
/// prefix, and <c>0.0.0.0/0</c> as world, each with its identity and no tunnel endpoint.
/// </summary>
public static class IpcacheMapBuilder
{
    public const int DefaultMaxEntries = 512000;
    public const string Name = "cilium_ipcache_v2";

    public static BpfMap Build(IdentityTable identities)
    {
        var prefixes = new List<(IPAddress Network, int Bits, uint Id)> { (IPAddress.Any, 0, ReservedIdentities.World) };
        foreach (var (address, id) in identities.Addresses)
        {
            if (IPAddress.TryParse(address, out var ip)) prefixes.Add((ip, ip.GetAddressBytes().Length * 8, id));
        }
        foreach (var (cidr, id) in identities.Cidrs)
        {
            if (CidrText.TryParse(cidr, out var network, out var bits)) prefixes.Add((network, bits, id));
        }
        var entries = prefixes
            .Select(p => (Key: IpcacheKey.For(p.Network, p.Bits), p.Network, p.Bits, p.Id))
            .DistinctBy(p => p.Key)
            .Select(p => new BpfMapEntry(p.Key.ToBytes(), new RemoteEndpointInfo(p.Id, 0, 0, 0).ToBytes(),
                $"{CidrText.Normalize(p.Network, p.Bits)}  identity={p.Id}  {identities.Find(p.Id)?.Display}"));
        return BpfMap.Create(Name, IpcacheKey.Size, RemoteEndpointInfo.Size, DefaultMaxEntries, entries);
    }
}
