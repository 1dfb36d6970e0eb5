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

    /// <summary>A pool from the input: every block as written, and the usable part of each.</summary>
    public static AddressPool From(IpPool pool) => Create(pool.Meta.Name,
        pool.Blocks.Select(b => (Ipv4.Parse(b.First)!.Value, Ipv4.Parse(b.Last)!.Value, b.Written.Contains('/'), b.Origin)),
        pool.ServiceSelector, pool.AllowFirstLastIps);

    /// <summary>A pool of CIDRs from the command line or the default: it selects every Gateway.</summary>
    public static AddressPool FromCidrs(string name, IEnumerable<string> cidrs) => Create(name,
        cidrs.Select(c => Ipv4.Range(c)!.Value).Select(r => (r.First, r.Last, true, SourceLocation.None)), null, allowFirstLast: false);

    private static AddressPool Create(string name, IEnumerable<(uint First, uint Last, bool IsCidr, SourceLocation Origin)> blocks,
        LabelSelector? selector, bool allowFirstLast)
    {
        var list = blocks.ToList();
        var usable = list.Select(b => b.IsCidr && !allowFirstLast && b.Last - b.First >= 2 ? (b.First + 1, b.Last - 1, b.Origin) : (b.First, b.Last, b.Origin));
        return new AddressPool(name, [.. usable], selector) { Blocks = [.. list.Select(b => (b.First, b.Last, b.Origin))] };
    }
}
