using System.Net;
using Meshc.Runtime.Routing;

namespace Meshc.Runtime.Model;

/// <summary>
/// A listener with an HTTP connection manager: where it listens, which route table serves it, and how much of a request
/// body may be buffered for retries and mirrors (<c>per_connection_buffer_limit_bytes</c>, Envoy's default 1 MiB).
/// </summary>
public sealed record ListenerModel(string Name, string Address, int Port, string RouteConfigName, HcmSettings Hcm, int BufferLimit = ListenerModel.DefaultBufferLimit)
{
    /// <summary>Envoy's default <c>per_connection_buffer_limit_bytes</c>.</summary>
    public const int DefaultBufferLimit = 1024 * 1024;

    /// <summary>False when the listener has no plaintext (raw_buffer) HTTP chain: a connection that is not TLS is closed.</summary>
    public bool HasPlaintext { get; init; } = true;

    /// <summary>The TLS chains (terminating and passthrough), in the listener's order.</summary>
    public IReadOnlyList<TlsChainModel> TlsChains { get; init; } = [];
}

/// <summary>
/// The connection manager settings that change headers (see envoy-semantics.md §2), the path handling routing and
/// forwarding follow, and the limits checked before routing.
/// </summary>
public sealed record HcmSettings(string StatPrefix, bool UseRemoteAddress, uint XffNumTrustedHops, IReadOnlyList<CidrRange> InternalRanges, bool GenerateRequestId)
{
    /// <summary>Settings for a listener whose connection manager sets nothing: Envoy's defaults.</summary>
    public static HcmSettings Default { get; } = new("", false, 0, [], true);

    /// <summary><c>normalize_path</c>, <c>merge_slashes</c>, <c>path_with_escaped_slashes_action</c>.</summary>
    public PathSettings Paths { get; init; } = PathSettings.EnvoyDefault;

    /// <summary>Header limits and HTTP/1 options of the request edge.</summary>
    public EdgeSettings Edge { get; init; } = EdgeSettings.EnvoyDefault;

    /// <summary>The name of the HCM's CORS filter (<c>envoy.filters.http.cors</c> by default), or null when it has none.</summary>
    public string? CorsFilter { get; init; }

    /// <summary>True when the address lies in one of the configured internal ranges.</summary>
    public bool IsInternal(IPAddress address) => InternalRanges.Any(r => r.Contains(address));
}

/// <summary>An address prefix such as 10.0.0.0/8.</summary>
public sealed record CidrRange(IPAddress Prefix, int Length)
{
    public bool Contains(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var a = address.GetAddressBytes();
        var p = Prefix.GetAddressBytes();
        if (a.Length != p.Length) return false;
        var bits = Math.Min(Length, a.Length * 8);
        for (var i = 0; i < bits; i++)
        {
            var mask = 0x80 >> (i % 8);
            if ((a[i / 8] & mask) != (p[i / 8] & mask)) return false;
        }
        return true;
    }
}
