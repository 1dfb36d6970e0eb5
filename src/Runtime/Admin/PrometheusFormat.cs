using System.Text;
using System.Text.RegularExpressions;

namespace Meshc.Runtime.Admin;

/// <summary>
/// <c>/stats/prometheus</c>: Envoy's text exposition (v0.0.4). Tags are extracted from the stat name with Envoy's default
/// tag specifiers that apply to the stats kept here (response code, response code class, cluster name, connection
/// manager prefix, in Envoy's order); the rest of the name gets <c>envoy_</c> in front and every character outside
/// <c>[a-zA-Z0-9_]</c> becomes <c>_</c>. Families are sorted by name, each with its <c># TYPE</c> line.
/// </summary>
public static partial class PrometheusFormat
{
    /// <summary>One default tag specifier: the first group is cut from the name, the last group is the tag value.</summary>
    private sealed record TagRule(string Tag, Regex Pattern);

    private static readonly TagRule[] Rules =
    [
        new("envoy_response_code", ResponseCode()),
        new("envoy_response_code_class", ResponseCodeClass()),
        new("envoy_cluster_name", ClusterName()),
        new("envoy_http_conn_manager_prefix", HttpPrefix()),
    ];

    public static string Format(IEnumerable<(string Name, long Value, bool Gauge)> stats)
    {
        var families = new SortedDictionary<string, (bool Gauge, List<string> Series)>(StringComparer.Ordinal);
        foreach (var (name, value, gauge) in stats)
        {
            var (metric, tags) = Extract(name);
            if (!families.TryGetValue(metric, out var family)) families[metric] = family = (gauge, []);
            var labels = string.Join(",", tags.Select(t => $"{t.Tag}=\"{Escape(t.Value)}\""));
            family.Series.Add($"{metric}{{{labels}}} {value}");
        }
        var sb = new StringBuilder();
        foreach (var (metric, (gauge, series)) in families)
        {
            sb.Append("# TYPE ").Append(metric).Append(gauge ? " gauge\n" : " counter\n");
            foreach (var line in series.Order(StringComparer.Ordinal)) sb.Append(line).Append('\n');
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Applies the tag rules in order; returns the Prometheus metric name and the tags found.</summary>
    internal static (string Metric, List<(string Tag, string Value)> Tags) Extract(string name)
    {
        var tags = new List<(string, string)>();
        foreach (var rule in Rules)
        {
            var m = rule.Pattern.Match(name);
            if (!m.Success) continue;
            var cut = m.Groups[1];
            tags.Add((rule.Tag, m.Groups[m.Groups.Count - 1].Value));
            name = name.Remove(cut.Index, cut.Length);
        }
        return ("envoy_" + Invalid().Replace(name, "_"), tags);
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");

    [GeneratedRegex(@"_rq(_(\d{3}))$")]
    private static partial Regex ResponseCode();

    [GeneratedRegex(@"_rq_(\d)xx$")]
    private static partial Regex ResponseCodeClass();

    [GeneratedRegex(@"^cluster\.(([^.]+)\.)")]
    private static partial Regex ClusterName();

    [GeneratedRegex(@"^http\.((.*?)\.)")]
    private static partial Regex HttpPrefix();

    [GeneratedRegex("[^a-zA-Z0-9_]")]
    private static partial Regex Invalid();
}
