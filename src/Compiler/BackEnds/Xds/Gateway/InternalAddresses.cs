using Envoy.Config.Core.V3;

namespace Meshc.Compiler.BackEnds.Xds.Gateway;

/// <summary>
/// The source ranges the HCM treats as internal (they get <c>x-envoy-internal</c>), as Cilium's
/// <c>GetInternalListenerCIDRs</c> lists them for the IP families the cluster runs.
/// </summary>
internal static class InternalAddresses
{
    /// <summary>Cilium's default: IPv4 on. Kept here, in one place, until CompilationOptions carries the IP families.</summary>
    public const bool IPv4Enabled = true;

    /// <summary>Cilium's default: IPv6 off.</summary>
    public const bool IPv6Enabled = false;

    /// <summary>The ranges for Cilium's default IP families.</summary>
    public static IEnumerable<CidrRange> Ranges() => Ranges(IPv4Enabled, IPv6Enabled);

    /// <summary>The private IPv4 ranges and IPv4 loopback, then IPv6 loopback, in Cilium's order.</summary>
    public static IEnumerable<CidrRange> Ranges(bool ipv4, bool ipv6)
    {
        if (ipv4)
        {
            yield return Range("10.0.0.0", 8);
            yield return Range("172.16.0.0", 12);
            yield return Range("192.168.0.0", 16);
            yield return Range("127.0.0.1", 32);
        }
        if (ipv6) yield return Range("::1", 128);
    }

    private static CidrRange Range(string prefix, uint length) => new() { AddressPrefix = prefix, PrefixLen = length };
}
