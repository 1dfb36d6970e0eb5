using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Passes;

/// <summary>
/// The pools Gateways get addresses from, in the order they are tried: the input's enabled
/// CiliumLoadBalancerIPPools by name, then the <c>--lb-pool</c> CIDRs; with neither, the loopback default. A pool
/// that overlaps one before it is conflicting and left out (MC0360), as Cilium marks it. Without LB IPAM
/// (<c>--lb-pool none</c>) there is no pool: the input's CiliumLoadBalancerIPPools have no controller to serve them.
/// </summary>
internal static class AddressPools
{
    public static IReadOnlyList<AddressPool> Build(PassContext context)
    {
        if (!context.Options.LoadBalancerIpam) return [];
        var candidates = context.Model.IpPools.Where(p => !p.Disabled)
            .Select(AddressPool.From)
            .ToList();
        var cli = context.Options.LoadBalancerPools;
        if (!cli.IsEmpty) candidates.Add(AddressPool.FromCidrs("--lb-pool", cli));
        else if (context.Model.IpPools.IsEmpty) candidates.Add(AddressPool.FromCidrs("default", [CompilationOptions.DefaultLoadBalancerPool]));

        var kept = new List<AddressPool>();
        foreach (var pool in candidates)
        {
            var clash = pool.Blocks.SelectMany(r => kept.Select(k => (Range: r, Other: k, At: Overlap(r, k)))).FirstOrDefault(c => c.At is not null);
            if (clash.Other is null)
            {
                kept.Add(pool);
                continue;
            }
            context.Diagnostics.ReportIpPoolOverlap(clash.Range.Origin, pool.Name, clash.Other.Name, Ipv4.Format(clash.At!.Value));
        }
        return kept;
    }

    /// <summary>The first address <paramref name="range"/> shares with <paramref name="pool"/>, if any.</summary>
    private static uint? Overlap((uint First, uint Last, SourceLocation _) range, AddressPool pool) =>
        pool.Blocks.Where(r => r.First <= range.Last && range.First <= r.Last).Select(r => (uint?)Math.Max(r.First, range.First)).Min();
}
