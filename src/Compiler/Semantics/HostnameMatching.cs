using System.Net;

namespace Meshc.Compiler.Semantics;

/// <summary>
/// Gateway API hostname rules: validity, wildcard matching, the listener × route intersection with listener
/// isolation, and specificity order. A wildcard <c>*.example.com</c> stands for one or more labels in front of
/// <c>example.com</c> (not <c>example.com</c> itself). <see cref="All"/> (<c>*</c>) stands for every hostname.
/// </summary>
public static class HostnameMatching
{
    /// <summary>Every hostname: what a listener without hostname, or a route without hostnames, serves.</summary>
    public const string All = "*";

    /// <summary>True for <c>*.suffix</c> names (and for <see cref="All"/>).</summary>
    public static bool IsWildcard(string hostname) => hostname == All || hostname.StartsWith("*.", StringComparison.Ordinal);

    /// <summary>
    /// True when <paramref name="hostname"/> (precise or itself a wildcard) lies under <paramref name="wildcard"/>:
    /// it ends with the wildcard's suffix and has at least one more character in front of it.
    /// </summary>
    public static bool MatchesWildcard(string hostname, string wildcard)
    {
        if (wildcard == All) return true;
        if (!wildcard.StartsWith("*.", StringComparison.Ordinal)) return false;
        var suffix = wildcard[1..];
        return hostname.Length > suffix.Length && hostname.EndsWith(suffix, StringComparison.Ordinal);
    }

    /// <summary>
    /// The hostname a route hostname serves on a listener: the more specific of the two when one lies under the
    /// other, or null when they do not intersect. A missing listener hostname accepts every route hostname.
    /// </summary>
    public static string? Intersect(string? listenerHostname, string routeHostname)
    {
        if (string.IsNullOrEmpty(listenerHostname) || listenerHostname == All) return routeHostname;
        if (routeHostname == All || routeHostname == listenerHostname) return listenerHostname;
        if (MatchesWildcard(routeHostname, listenerHostname)) return routeHostname;
        if (MatchesWildcard(listenerHostname, routeHostname)) return listenerHostname;
        return null;
    }

    /// <summary>
    /// The hostnames a route serves on one listener, most specific first; <c>["*"]</c> means every hostname and an
    /// empty list means none. Route hostnames that another listener of the same port claims more specifically
    /// (the same name, or a wildcard narrower than this listener's) are left out: listener isolation.
    /// </summary>
    /// <remarks>
    /// Cilium's <c>ComputeHosts</c> tests isolation on the route's hostname as written; this tests the intersection
    /// instead, so a route <c>*.example.com</c> on listener <c>*.foo.example.com</c> keeps <c>*.foo.example.com</c>
    /// even when another listener serves <c>*.example.com</c> (that listener is the less specific one).
    /// </remarks>
    public static IReadOnlyList<string> ComputeHosts(
        IReadOnlyList<string> routeHostnames, string? listenerHostname, IReadOnlyList<string?> otherListenerHostnames)
    {
        var listener = string.IsNullOrEmpty(listenerHostname) ? null : listenerHostname;
        if (routeHostnames.Count == 0) return [listener ?? All];
        return routeHostnames
            .Select(route => Intersect(listener, route))
            .OfType<string>()
            .Where(host => !IsIsolated(host, listener, otherListenerHostnames))
            .Distinct(StringComparer.Ordinal)
            .Order(SpecificityComparer.Instance)
            .ToList();
    }

    /// <summary>True when another listener claims <paramref name="host"/> more specifically than <paramref name="listenerHostname"/>.</summary>
    public static bool IsIsolated(string host, string? listenerHostname, IReadOnlyList<string?> otherListenerHostnames)
    {
        if (host == All) return false;
        foreach (var other in otherListenerHostnames)
        {
            if (string.IsNullOrEmpty(other) || other == All || other == listenerHostname) continue;
            if (other == host) return true;
            var narrower = listenerHostname is null || MatchesWildcard(other, listenerHostname);
            if (IsWildcard(other) && MatchesWildcard(host, other) && narrower) return true;
        }
        return false;
    }

    /// <summary>
    /// Orders hostnames most specific first, as the Gateway API orders listeners: precise names, then wildcards
    /// with more labels before fewer, then <c>*</c>; ties in ordinal order.
    /// </summary>
    public static int CompareSpecificity(string a, string b)
    {
        static int Rank(string h) => h == All || h.Length == 0 ? 2 : IsWildcard(h) ? 1 : 0;
        var byRank = Rank(a).CompareTo(Rank(b));
        if (byRank != 0) return byRank;
        var byLabels = b.Count(c => c == '.').CompareTo(a.Count(c => c == '.'));
        return byLabels != 0 ? byLabels : string.CompareOrdinal(a, b);
    }

    /// <summary>
    /// Why <paramref name="hostname"/> is not a valid Gateway API hostname (RFC 1123 labels, lower case, at most
    /// 253 characters, no IP address, optionally one leading <c>*.</c>), or null when it is valid.
    /// </summary>
    public static string? Validate(string hostname, bool allowWildcard = true)
    {
        if (hostname.Length == 0) return "it is empty";
        if (hostname.Length > 253) return "it is longer than 253 characters";
        if (IPAddress.TryParse(hostname, out _)) return "IP addresses are not allowed";
        var name = hostname;
        if (name.StartsWith("*.", StringComparison.Ordinal))
        {
            if (!allowWildcard) return "a wildcard is not allowed here";
            name = name[2..];
        }
        if (name.Contains('*')) return "'*' may only appear as the whole first label, as in '*.example.com'";
        foreach (var label in name.Split('.'))
        {
            if (label.Length == 0) return "it has an empty label";
            if (label.Length > 63) return $"label '{label}' is longer than 63 characters";
            if (label.Any(char.IsAsciiLetterUpper)) return "it must be lower case";
            if (!label.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
                return $"label '{label}' may hold only a-z, 0-9 and '-'";
            if (label[0] == '-' || label[^1] == '-') return $"label '{label}' must start and end with a letter or digit";
        }
        return null;
    }

    /// <summary><see cref="CompareSpecificity"/> as an <see cref="IComparer{T}"/>.</summary>
    public sealed class SpecificityComparer : IComparer<string>
    {
        public static readonly SpecificityComparer Instance = new();

        public int Compare(string? x, string? y) => CompareSpecificity(x ?? All, y ?? All);
    }
}
