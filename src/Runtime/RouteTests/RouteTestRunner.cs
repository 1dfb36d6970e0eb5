using Envoy.Config.Route.V3;
using Meshc.Compiler.Diagnostics;
using Meshc.Runtime.Model;
using Meshc.Runtime.Routing;

namespace Meshc.Runtime.RouteTests;

/// <summary>One check that did not hold, worded as router_check_tool words it.</summary>
public sealed record CheckFailure(RouteCheck Check, string Expected, string Actual, string TestType)
{
    public string Message => $"expected: [{Expected}], actual: [{Actual}], test type: {TestType}";
}

/// <summary>A test and the checks of it that failed (none: it passed).</summary>
public sealed record RouteTestResult(RouteTestFile File, RouteTestCase Test, RouteTarget Target, IReadOnlyList<CheckFailure> Failures)
{
    public bool Passed => Failures.Count == 0;
}

/// <summary>All results, in file and test order, and the coverage they reached.</summary>
public sealed record RouteTestRun(IReadOnlyList<RouteTestResult> Results, RouteCoverage Coverage)
{
    public int Failed => Results.Count(r => !r.Passed);
}

/// <summary>
/// Runs route tests against a runtime snapshot with the runtime's own router (<see cref="RouteTable"/>): the same
/// virtual host choice, route match, weighted pick and rewrites that serve traffic in <c>meshc run</c>.
/// </summary>
public static class RouteTestRunner
{
    /// <summary>Resolves every test's route table first (MC0562, MC0563); with any error, no test runs and null is returned.</summary>
    public static RouteTestRun? Run(RuntimeSnapshot snapshot, IReadOnlyList<RouteTestFile> files, DiagnosticBag diagnostics)
    {
        var targets = new RouteTargets(snapshot);
        var planned = new List<(RouteTestFile File, RouteTestCase Test, RouteTarget? Target)>();
        foreach (var file in files)
            foreach (var test in file.Tests)
                planned.Add((file, test, targets.Resolve(test.Input.Target ?? file.Target, test.At, diagnostics)));
        if (diagnostics.HasErrors) return null;
        var coverage = new RouteCoverage(targets.Tables());
        var results = planned.Select(p => Run(p.File, p.Test, p.Target!, coverage)).ToList();
        return new RouteTestRun(results, coverage);
    }

    private static RouteTestResult Run(RouteTestFile file, RouteTestCase test, RouteTarget target, RouteCoverage coverage)
    {
        var observed = RouteObservation.Of(target, test.Input);
        var failures = new List<CheckFailure>();
        foreach (var check in test.Checks)
        {
            var failure = check switch
            {
                ValueCheck value => Compare(value, observed, target, coverage),
                HeaderCheck header => Compare(header, observed),
                HeaderFieldCheck field => Compare(field, observed),
                _ => throw new ArgumentOutOfRangeException(nameof(test), check.GetType().Name, "unknown route check"),
            };
            if (failure is not null) failures.Add(failure);
        }
        return new RouteTestResult(file, test, target, failures);
    }

    private static CheckFailure? Compare(ValueCheck check, RouteObservation observed, RouteTarget target, RouteCoverage coverage)
    {
        var actual = observed.Value(check.Kind);
        if (actual != check.Expected) return new CheckFailure(check, check.Expected, actual, check.TestType);
        // Only a value read off a matched route covers it; "" for "no route" covers nothing.
        var (field, applies) = check.Kind switch
        {
            RouteValueKind.ClusterName => (CoverageField.Cluster, observed.Forwards),
            RouteValueKind.VirtualClusterName => (CoverageField.VirtualCluster, observed.Forwards),
            RouteValueKind.VirtualHostName => (CoverageField.VirtualHost, observed.Forwards),
            RouteValueKind.HostRewrite => (CoverageField.HostRewrite, observed.Forwards),
            RouteValueKind.PathRewrite => (CoverageField.PathRewrite, observed.Forwards),
            RouteValueKind.PathRedirect => (CoverageField.RedirectPath, observed.AnswersDirectly),
            RouteValueKind.CodeRedirect => (CoverageField.RedirectCode, observed.AnswersDirectly),
            _ => throw new ArgumentOutOfRangeException(nameof(check), check.Kind, "unknown route check"),
        };
        if (applies) coverage.Mark(target.Table, observed.Hit!, observed.WeightedIndex, field);
        return null;
    }

    private static CheckFailure? Compare(HeaderCheck check, RouteObservation observed)
    {
        if (HeaderMatch.From(check.Matcher).Matches(observed.Headers(check.Side))) return null;
        var m = check.Matcher;
        var actual = observed.Header(check.Side, m.Name);
        var type = $"{check.TestType}.{MatcherKind(m)}";
        var not = m.InvertMatch ? "not " : "";
        return m.HeaderMatchSpecifierCase is HeaderMatcher.HeaderMatchSpecifierOneofCase.PresentMatch or HeaderMatcher.HeaderMatchSpecifierOneofCase.None
            ? new CheckFailure(check, $"has({m.Name}):{(m.PresentMatch || m.HeaderMatchSpecifierCase == HeaderMatcher.HeaderMatchSpecifierOneofCase.None) != m.InvertMatch}".ToLowerInvariant(),
                $"has({m.Name}):{actual is not null}".ToLowerInvariant(), type)
            : new CheckFailure(check, $"{m.Name}: {not}{MatcherValue(m)}", actual is null ? $"{m.Name} absent" : $"{m.Name}: {actual}", type);
    }

    private static CheckFailure? Compare(HeaderFieldCheck check, RouteObservation observed)
    {
        // Envoy's tool reads an absent header as "".
        var actual = observed.Header(check.Side, check.Key) ?? "";
        return actual == check.Value ? null : new CheckFailure(check, check.Value, actual, check.TestType);
    }

#pragma warning disable CS0612 // the deprecated matcher fields are still read, as Envoy reads them
    private static string MatcherKind(HeaderMatcher m) => m.HeaderMatchSpecifierCase switch
    {
        HeaderMatcher.HeaderMatchSpecifierOneofCase.ExactMatch => "exact_match",
        HeaderMatcher.HeaderMatchSpecifierOneofCase.SafeRegexMatch => "safe_regex_match",
        HeaderMatcher.HeaderMatchSpecifierOneofCase.RangeMatch => "range_match",
        HeaderMatcher.HeaderMatchSpecifierOneofCase.PresentMatch or HeaderMatcher.HeaderMatchSpecifierOneofCase.None => "present_match",
        HeaderMatcher.HeaderMatchSpecifierOneofCase.PrefixMatch => "prefix_match",
        HeaderMatcher.HeaderMatchSpecifierOneofCase.SuffixMatch => "suffix_match",
        HeaderMatcher.HeaderMatchSpecifierOneofCase.ContainsMatch => "contains_match",
        HeaderMatcher.HeaderMatchSpecifierOneofCase.StringMatch => "string_match." + Snake(m.StringMatch.MatchPatternCase.ToString()),
        var other => other.ToString(),
    };

    private static string MatcherValue(HeaderMatcher m) => m.HeaderMatchSpecifierCase switch
    {
        HeaderMatcher.HeaderMatchSpecifierOneofCase.ExactMatch => m.ExactMatch,
        HeaderMatcher.HeaderMatchSpecifierOneofCase.SafeRegexMatch => $"regex {m.SafeRegexMatch.Regex}",
        HeaderMatcher.HeaderMatchSpecifierOneofCase.RangeMatch => $"in [{m.RangeMatch.Start}, {m.RangeMatch.End})",
        HeaderMatcher.HeaderMatchSpecifierOneofCase.PrefixMatch => $"prefix {m.PrefixMatch}",
        HeaderMatcher.HeaderMatchSpecifierOneofCase.SuffixMatch => $"suffix {m.SuffixMatch}",
        HeaderMatcher.HeaderMatchSpecifierOneofCase.ContainsMatch => $"contains {m.ContainsMatch}",
        HeaderMatcher.HeaderMatchSpecifierOneofCase.StringMatch => m.StringMatch.MatchPatternCase switch
        {
            Envoy.Type.Matcher.V3.StringMatcher.MatchPatternOneofCase.Exact => m.StringMatch.Exact,
            Envoy.Type.Matcher.V3.StringMatcher.MatchPatternOneofCase.Prefix => $"prefix {m.StringMatch.Prefix}",
            Envoy.Type.Matcher.V3.StringMatcher.MatchPatternOneofCase.Suffix => $"suffix {m.StringMatch.Suffix}",
            Envoy.Type.Matcher.V3.StringMatcher.MatchPatternOneofCase.Contains => $"contains {m.StringMatch.Contains}",
            Envoy.Type.Matcher.V3.StringMatcher.MatchPatternOneofCase.SafeRegex => $"regex {m.StringMatch.SafeRegex.Regex}",
            var other => other.ToString(),
        } + (m.StringMatch.IgnoreCase ? " (ignoring case)" : ""),
        var other => other.ToString(),
    };
#pragma warning restore CS0612

    private static string Snake(string pascal) => TestFileMapping.SnakeCase(char.ToLowerInvariant(pascal[0]) + pascal[1..]);
}
