namespace Meshc.Runtime.Routing;

/// <summary>
/// Envoy's virtual host lookup: exact, then suffix wildcards longest first (only shorter than the host), then prefix
/// wildcards longest first, then "*". A leading '*' is classified before a trailing one, so "*.a.com:*" is a suffix
/// wildcard that only matches hosts ending in ":*" — kept on purpose, as Envoy does.
/// </summary>
public sealed class VirtualHostSelector<T> where T : class
{
    private readonly Dictionary<string, T> _exact = new(StringComparer.Ordinal);
    private readonly List<(string Suffix, T Value)> _suffixes = [];
    private readonly List<(string Prefix, T Value)> _prefixes = [];
    private T? _default;
    private readonly bool _ignorePort;

    public VirtualHostSelector(IEnumerable<(IEnumerable<string> Domains, T Value)> hosts, bool ignorePortInHostMatching)
    {
        _ignorePort = ignorePortInHostMatching;
        foreach (var (domains, value) in hosts)
            foreach (var raw in domains)
            {
                var d = raw.ToLowerInvariant();
                if (d == "*") _default ??= value;
                else if (d.StartsWith('*')) _suffixes.Add((d[1..], value));
                else if (d.EndsWith('*')) _prefixes.Add((d[..^1], value));
                else _exact.TryAdd(d, value);
            }
        // Stable sorts keep configuration order among equal lengths.
        _suffixes = _suffixes.OrderByDescending(s => s.Suffix.Length).ToList();
        _prefixes = _prefixes.OrderByDescending(p => p.Prefix.Length).ToList();
    }

    public T? Select(string? authority)
    {
        if (_exact.Count == 0 && _suffixes.Count == 0 && _prefixes.Count == 0) return _default;
        if (string.IsNullOrEmpty(authority)) return null;
        var host = (_ignorePort ? StripPort(authority) : authority).ToLowerInvariant();
        if (_exact.TryGetValue(host, out var exact)) return exact;
        foreach (var (suffix, value) in _suffixes)
            if (suffix.Length < host.Length && host.EndsWith(suffix, StringComparison.Ordinal)) return value;
        foreach (var (prefix, value) in _prefixes)
            if (prefix.Length < host.Length && host.StartsWith(prefix, StringComparison.Ordinal)) return value;
        return _default;
    }

    /// <summary>Drops ":port": the last ':' after any ']' (IPv6 literals keep their brackets).</summary>
    public static string StripPort(string authority)
    {
        var bracket = authority.LastIndexOf(']');
        var colon = authority.LastIndexOf(':');
        return colon > bracket ? authority[..colon] : authority;
    }
}
