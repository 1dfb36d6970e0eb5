using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Passes;

/// <summary>
/// An LB-IPAM pool ready to assign from: its usable IPv4 ranges in block order and the Services it selects (a null
/// selector selects all). A CIDR block loses its network and broadcast address unless the pool allows them, as
/// Cilium's <c>allowFirstLastIPs: No</c> default does (a /31 or /32 keeps both).
/// </summary>
internal sealed record AddressPool(string Name, IReadOnlyList<(uint First, uint Last, SourceLocation Origin)> Ranges, LabelSelector? Selector)
{
    /// <summary>The blocks as written (network and broadcast included): what two pools must not share.</summary>
    public IReadOnlyList<(uint First, uint Last, SourceLocation Origin)> Blocks { get; init; } = Ranges;

    public bool Selects(IReadOnlyList<Label> serviceLabels) => Selector is null || Selector.Matches(serviceLabels);

    public bool Contains(uint address) => Ranges.Any(r => address >= r.First && address <= r.Last);

    /// <summary>The lowest address of the pool (in block order) that is not in <paramref name="taken"/>.</summary>
    public uint? FirstFree(IReadOnlyDictionary<uint, ObjectKey> taken)
    {
        foreach (var (first, last, _) in Ranges)
            for (var a = (ulong)first; a <= last; a++)
                if (!taken.ContainsKey((uint)a)) return (uint)a;
        return null;
    }

    /// <summary>The usable range of one block.</summary>
    public static (uint First, uint Last, SourceLocation Origin) Usable(IpPoolBlock block, bool allowFirstLast)
    {
        var (first, last) = (Ipv4.Parse(block.First)!.Value, Ipv4.Parse(block.Last)!.Value);
        var isCidr = block.Written.Contains('/');
        return isCidr && !allowFirstLast && last - first >= 2 ? (first + 1, last - 1, block.Origin) : (first, last, block.Origin);
    }
}
