using Meshc.Runtime.Model;

namespace Meshc.Runtime.Proxy;

/// <summary>
/// Envoy's filter chain match for TLS connections, in its order of criteria: the destination port (a chain naming the
/// connection's port beats one naming none), then the server name — an exact name, then the longest wildcard suffix
/// (<c>*.example.com</c>), then a chain without server names. No chain: the connection is closed.
/// </summary>
public static class FilterChainSelector
{
    /// <summary>The chain for a connection on Gateway port <paramref name="port"/> (null: the socket stands for no single port) with SNI <paramref name="serverName"/>.</summary>
    public static TlsChainModel? Select(IReadOnlyList<TlsChainModel> chains, int? port, string? serverName)
    {
        var candidates = port is { } p
            ? chains.Any(c => c.DestinationPort == p) ? chains.Where(c => c.DestinationPort == p).ToList() : chains.Where(c => c.DestinationPort is null).ToList()
            : chains;
        if (serverName is { Length: > 0 } sni)
        {
            if (candidates.FirstOrDefault(c => c.ServerNames.Any(n => string.Equals(n, sni, StringComparison.OrdinalIgnoreCase))) is { } exact)
                return exact;
            TlsChainModel? best = null;
            var bestLength = 0;
            foreach (var chain in candidates)
            foreach (var name in chain.ServerNames.Where(n => n.StartsWith("*.", StringComparison.Ordinal)))
            {
                if (name.Length > bestLength && sni.EndsWith(name[1..], StringComparison.OrdinalIgnoreCase) && sni.Length > name.Length - 1)
                {
                    best = chain;
                    bestLength = name.Length;
                }
            }
            if (best is not null) return best;
        }
        return candidates.FirstOrDefault(c => c.ServerNames.Count == 0);
    }
}
