using System.Text.RegularExpressions;

namespace Meshc.PolicyEngine;

/// <summary>One HTTP rule: method and path are regular expressions matched in full; headers are <c>Name</c> or <c>Name: value</c>.</summary>
public sealed record HttpRule(string? Method, string? Path, IReadOnlyList<string> Headers)
{
    public bool Matches(string method, string path, IReadOnlyDictionary<string, string> headers) =>
        FullMatch(Method, method) && FullMatch(Path, path) && Headers.All(h => HeaderMatches(h, headers));

    private static bool FullMatch(string? pattern, string value) =>
        pattern is null || Regex.IsMatch(value, $"^(?:{pattern})$", RegexOptions.None, TimeSpan.FromSeconds(1));

    private static bool HeaderMatches(string rule, IReadOnlyDictionary<string, string> headers)
    {
        var colon = rule.IndexOf(':');
        var name = colon < 0 ? rule.Trim() : rule[..colon].Trim();
        var found = headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase));
        return found.Key is not null && (colon < 0 || found.Value == rule[(colon + 1)..].Trim());
    }
}

/// <summary>The HTTP rules of one allow rule (its cookie) for some remote identities (0 = any) and a port range.</summary>
public sealed record HttpRuleSet(uint Cookie, bool Egress, IReadOnlyList<uint> Identities, int FirstPort, int LastPort, IReadOnlyList<HttpRule> Rules)
{
    public bool AppliesTo(bool egress, uint remoteIdentity, int port) =>
        Egress == egress && port >= FirstPort && port <= LastPort && (Identities.Contains(0u) || Identities.Contains(remoteIdentity));
}
