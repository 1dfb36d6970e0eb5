using System.Text.Json;

namespace Meshc.Runtime.Tests.Conformance;

/// <summary>Compares an answer with a row's expectation the way the conformance suite does, naming every difference.</summary>
internal static class RowCheck
{
    public static List<string> Differences(Row row, Observed got)
    {
        var problems = new List<string>();
        if (got.Status != row.Status && !row.OtherStatuses.Contains(got.Status)) problems.Add($"status {got.Status}, expected {row.Status} (body: {Trim(got.Body)})");
        if (row.Location is { } location)
        {
            var expected = location.Replace("{host}", got.SentHost, StringComparison.Ordinal);
            if (got.Location != expected) problems.Add($"Location '{got.Location}', expected '{expected}'");
        }
        foreach (var (name, value) in row.ResponseHeaders)
            if (!SameList(got.Headers.GetValueOrDefault(name), value)) problems.Add($"response {name}: '{got.Headers.GetValueOrDefault(name)}', expected '{value}'");
        foreach (var name in row.ResponseAbsent)
            if (got.Headers.ContainsKey(name)) problems.Add($"response header {name} present, expected absent");
        foreach (var (name, values) in row.ResponseOneOf)
        {
            var value = got.Headers.GetValueOrDefault(name);
            if (value is null || !values.Any(v => Normal(v, row.IgnoreWhitespace) == Normal(value, row.IgnoreWhitespace)))
                problems.Add($"response {name}: '{value}', expected one of '{string.Join("', '", values)}'");
        }
        if (row.AnsweredByProxy && got.Echo is not null) problems.Add("a backend answered, expected the proxy to answer itself");
        if (row.Backend is null) return problems;

        if (got.Echo is not { } echo)
        {
            problems.Add($"no echo backend answered, expected {row.Namespace}/{row.Backend}");
            return problems;
        }
        var service = echo.GetProperty("service").GetString();
        var ns = echo.GetProperty("namespace").GetString();
        var pod = echo.GetProperty("pod").GetString() ?? "";
        if (service != row.Backend || !pod.StartsWith(row.Backend, StringComparison.Ordinal) || ns != row.Namespace)
            problems.Add($"answered by {ns}/{service} (pod {pod}), expected {row.Namespace}/{row.Backend}");
        var seenPath = echo.GetProperty("path").GetString();
        if (seenPath != (row.SeenPath ?? row.Path)) problems.Add($"backend saw path '{seenPath}', expected '{row.SeenPath ?? row.Path}'");
        var seenHost = echo.GetProperty("host").GetString();
        if (seenHost != (row.SeenHost ?? got.SentHost)) problems.Add($"backend saw host '{seenHost}', expected '{row.SeenHost ?? got.SentHost}'");
        if (row.SeenProto is { } proto && echo.GetProperty("proto").GetString() is var seenProto && seenProto != proto)
            problems.Add($"backend saw protocol '{seenProto}', expected '{proto}'");
        var headers = echo.GetProperty("headers");
        foreach (var (name, value) in row.SeenHeaders)
        {
            var seen = headers.TryGetProperty(name.ToLowerInvariant(), out var v) ? v.GetString() : null;
            if (!SameList(seen, value)) problems.Add($"backend saw {name}: '{seen}', expected '{value}'");
        }
        foreach (var name in row.SeenAbsent)
            if (headers.TryGetProperty(name.ToLowerInvariant(), out _)) problems.Add($"backend saw {name}, expected it removed");
        return problems;
    }

    /// <summary>
    /// A header's entries joined with "," compared with the expectation exactly, as the suite compares them: two entries
    /// <c>a</c> and <c>b</c> read "a,b", one entry "a, b" does not.
    /// </summary>
    private static bool SameList(string? got, string expected) => got == expected;

    private static string Normal(string value, bool ignoreWhitespace) =>
        ignoreWhitespace ? string.Concat(value.Where(c => !char.IsWhiteSpace(c))) : value;

    private static string Trim(string body) => body.Length > 120 ? body[..120] + "…" : body;
}
