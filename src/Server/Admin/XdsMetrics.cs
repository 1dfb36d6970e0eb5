using System.Collections.Concurrent;
using System.Text;

namespace Meshc.Server.Admin;

/// <summary>
/// The server's counters, in Prometheus' text format on the admin API (<c>/metrics</c>). Per type: responses sent,
/// ACKs, NACKs, and requests ignored for a stale nonce; compilations by outcome; publishes and the streams they woke.
/// </summary>
public sealed class XdsMetrics
{
    private readonly ConcurrentDictionary<(string Name, string Label), long> _counters = new();

    public void Count(string name, string label = "", long by = 1) => _counters.AddOrUpdate((name, label), by, (_, v) => v + by);

    public long Get(string name, string label = "") => _counters.GetValueOrDefault((name, label));

    public const string Responses = "meshc_xds_responses_total";
    public const string Acks = "meshc_xds_acks_total";
    public const string Nacks = "meshc_xds_nacks_total";
    public const string Stale = "meshc_xds_stale_requests_total";
    public const string Compiles = "meshc_xds_compiles_total";
    public const string Publishes = "meshc_xds_publishes_total";
    public const string Woken = "meshc_xds_streams_woken_total";

    private static readonly Dictionary<string, (string Label, string Help)> Described = new()
    {
        [Responses] = ("type", "Discovery responses sent, by resource type."),
        [Acks] = ("type", "Responses acknowledged, by resource type."),
        [Nacks] = ("type", "Responses rejected (NACK with error_detail), by resource type."),
        [Stale] = ("type", "Requests ignored because they answered an older response (stale nonce)."),
        [Compiles] = ("result", "Compilations of the inputs, by result: ok, degraded (served with errors), kept (no bundle; the served one stays)."),
        [Publishes] = ("", "Resource sets published to the streams."),
        [Woken] = ("", "Streams whose snapshot a publish changed."),
    };

    /// <summary>The counters and the given gauges as Prometheus text, sorted.</summary>
    public string Format(IEnumerable<(string Name, string Help, long Value)> gauges)
    {
        var text = new StringBuilder();
        foreach (var (name, (label, help)) in Described.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
            text.Append("# TYPE ").Append(name).Append(" counter\n");
            var values = _counters.Where(c => c.Key.Name == name).OrderBy(c => c.Key.Label, StringComparer.Ordinal).ToList();
            if (values.Count == 0 && label.Length == 0) text.Append(name).Append(" 0\n");
            foreach (var ((_, value), count) in values.Select(v => (v.Key, v.Value)))
            {
                text.Append(name);
                if (label.Length > 0) text.Append('{').Append(label).Append("=\"").Append(value).Append("\"}");
                text.Append(' ').Append(count).Append('\n');
            }
        }
        foreach (var (name, help, value) in gauges)
        {
            text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
            text.Append("# TYPE ").Append(name).Append(" gauge\n");
            text.Append(name).Append(' ').Append(value).Append('\n');
        }
        return text.ToString();
    }
}
