using System.Net;

namespace Meshc.Runtime.Proxy;

/// <summary>
/// The trusted client address and internal/external classification as Envoy's connection manager computes them
/// (envoy-semantics.md §2): with <c>use_remote_address</c> the client is the peer, or with N trusted hops the Nth
/// x-forwarded-for entry from the right (read before the peer is appended); without it, the (N+1)th from the right.
/// Too few entries (or one that is not an address) fall back to the peer. A request is internal only when exactly one
/// address is in play (no XFF with <c>use_remote_address</c>, a single XFF entry without it) and that address is internal.
/// </summary>
public readonly record struct TrustedClient(IPAddress Address, bool Internal)
{
    public static TrustedClient Compute(IPAddress peer, IReadOnlyList<string> xff, bool useRemoteAddress, uint trustedHops, Func<IPAddress, bool> isInternal)
    {
        if (useRemoteAddress)
        {
            var client = (trustedHops > 0 ? FromRight(xff, trustedHops - 1) : null) ?? peer;
            return new(client, xff.Count == 0 && isInternal(client));
        }
        var fromXff = FromRight(xff, trustedHops);
        // Without XFF even an internal peer is external: the peer is only the address logged.
        return new(fromXff ?? peer, fromXff is not null && xff.Count == 1 && isInternal(fromXff));
    }

    /// <summary>The XFF entry <paramref name="skip"/> places from the right, when it exists and is an IP address.</summary>
    private static IPAddress? FromRight(IReadOnlyList<string> xff, uint skip)
    {
        if (skip >= xff.Count) return null;
        return IPAddress.TryParse(xff[xff.Count - 1 - (int)skip], out var address) ? Unmapped(address) : null;
    }

    internal static IPAddress Unmapped(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
