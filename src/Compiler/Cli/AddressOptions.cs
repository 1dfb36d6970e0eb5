using Meshc.Compiler.Text;

namespace Meshc.Compiler.Cli;

/// <summary>
/// <c>--lb-pool CIDR[,CIDR]</c> (or <c>none</c>: a cluster without LB IPAM) and <c>--service-cidr CIDR</c>, shared by
/// <c>compile</c>, <c>check</c> and <c>run</c>: IPv4 CIDRs only, since meshc assigns IPv4 addresses.
/// </summary>
public static class AddressOptions
{
    public const string Usage = "[--lb-pool CIDR[,CIDR]|none] [--service-cidr CIDR]";

    /// <summary>Applies the two values (null: not given) to <paramref name="options"/>; on a bad value returns the reason.</summary>
    public static (CompilationOptions? Options, string? Error) Apply(CompilationOptions options, string? lbPool, string? serviceCidr)
    {
        if (lbPool is "none")
        {
            options = options with { LoadBalancerIpam = false };
        }
        else if (lbPool is not null)
        {
            var cidrs = lbPool.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (cidrs.Length == 0) return (null, "--lb-pool needs at least one CIDR");
            if (cidrs.FirstOrDefault(c => !IsIpv4Cidr(c)) is { } bad) return (null, $"--lb-pool: '{bad}' is not an IPv4 CIDR (a.b.c.d/n)");
            options = options with { LoadBalancerPools = Ir.ValueList.Of(cidrs) };
        }
        if (serviceCidr is not null)
        {
            if (!IsIpv4Cidr(serviceCidr)) return (null, $"--service-cidr: '{serviceCidr}' is not an IPv4 CIDR (a.b.c.d/n)");
            options = options with { ServiceCidr = serviceCidr };
        }
        return (options, null);
    }

    private static bool IsIpv4Cidr(string text) => text.Contains('/') && Ipv4.Range(text) is not null;
}
