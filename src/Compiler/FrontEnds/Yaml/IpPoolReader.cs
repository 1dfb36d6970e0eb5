using System.Net;
using System.Net.Sockets;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;
using YamlDotNet.RepresentationModel;

namespace Meshc.Compiler.FrontEnds.Yaml;

/// <summary>
/// Reads a CiliumLoadBalancerIPPool (cilium.io/v2, v2alpha1): <c>spec.blocks[]</c> (each <c>cidr</c>, or
/// <c>start</c> with an optional <c>stop</c>), <c>spec.serviceSelector</c>, <c>spec.disabled</c> and
/// <c>spec.allowFirstLastIPs</c>. A block that cannot be read is reported (MC0125) and left out; an IPv6 block is
/// valid for Cilium but meshc assigns IPv4 only, so it is left out with a warning (MC0126).
/// </summary>
internal static class IpPoolReader
{
    public static IMeshObject? Read(YamlObject obj, DiagnosticBag diagnostics)
    {
        if (MetaReader.Read(obj, diagnostics, namespaced: false) is not { } meta) return null;
        var spec = obj.Root.Map("spec");
        if (spec is null)
        {
            diagnostics.ReportMissingField(obj.Location, obj.Kind, "spec");
            return null;
        }
        var blocks = new List<IpPoolBlock>();
        foreach (var block in spec.Maps("blocks"))
            if (ReadBlock(block, meta.Name, obj.Path, diagnostics) is { } read) blocks.Add(read);
        var selector = spec.Map("serviceSelector") is { } s ? LabelSelectorReader.Read(s) : null;
        // Cilium's default ("No") keeps a CIDR's network and broadcast addresses out of the pool.
        var firstLast = string.Equals(spec.Str("allowFirstLastIPs"), "Yes", StringComparison.OrdinalIgnoreCase);
        return new IpPool(meta, blocks.ToValueList(), selector, spec.Bool("disabled") ?? false, firstLast);
    }

    private static IpPoolBlock? ReadBlock(YamlMappingNode block, string pool, string path, DiagnosticBag diagnostics)
    {
        var at = block.LocationIn(path);
        var (cidr, start, stop) = (block.Str("cidr"), block.Str("start"), block.Str("stop"));
        var written = cidr ?? (stop is null ? start : $"{start}-{stop}") ?? "{}";
        IpPoolBlock? Invalid(string reason)
        {
            diagnostics.ReportIpPoolBlockInvalid(at, written, pool, reason);
            return null;
        }
        if (cidr is not null && (start ?? stop) is not null) return Invalid("give either cidr or start/stop, not both");
        if (cidr is not null)
        {
            if (!CidrText.TryParse(cidr, out var network, out _) || !cidr.Contains('/')) return Invalid("it is not a CIDR (a.b.c.d/n)");
            if (network.AddressFamily == AddressFamily.InterNetworkV6) return Ipv6(at, written, pool, diagnostics);
            var (first, last) = Ipv4.Range(cidr)!.Value;
            return new IpPoolBlock(written, Ipv4.Format(first), Ipv4.Format(last), at);
        }
        if (start is null) return Invalid("it has neither cidr nor start");
        if (!IPAddress.TryParse(start, out var from) || (stop is not null && !IPAddress.TryParse(stop, out _)))
            return Invalid("start and stop must be IP addresses");
        if (from.AddressFamily == AddressFamily.InterNetworkV6) return Ipv6(at, written, pool, diagnostics);
        var (a, b) = (Ipv4.Parse(start), Ipv4.Parse(stop ?? start));
        if (a is null || b is null) return Invalid("start and stop must be of one address family");
        if (b < a) return Invalid("stop comes before start");
        return new IpPoolBlock(written, Ipv4.Format(a.Value), Ipv4.Format(b.Value), at);
    }

    private static IpPoolBlock? Ipv6(SourceLocation at, string written, string pool, DiagnosticBag diagnostics)
    {
        diagnostics.ReportIpPoolBlockIpv6(at, written, pool);
        return null;
    }
}
