using Meshc.Compiler.FrontEnds.Dsl.Reading;
using Meshc.Compiler.FrontEnds.Dsl.Syntax;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.FrontEnds.Dsl.ServiceRoutes;

/// <summary>
/// The <c>clusters</c> settings of a service route, shared by all its clusters. Defaults are Envoy's, written out
/// as hand-written configs do: connect timeout 5s, round robin.
/// <code>
/// clusters [connect-timeout 5s] [lb round-robin|least-request|random|ring-hash|maglev]
///          [outlier local-failures N | consecutive-5xx N | gateway-failures N | interval D | ejection D | max-ejection N%]…
/// </code>
/// </summary>
internal sealed record ClusterSettings(TimeSpan ConnectTimeout, string LbPolicy, IReadOnlyList<(string Field, object Value)> Outlier)
{
    private static readonly Dictionary<string, string> LbPolicies = new()
    {
        ["round-robin"] = "ROUND_ROBIN", ["least-request"] = "LEAST_REQUEST", ["random"] = "RANDOM",
        ["ring-hash"] = "RING_HASH", ["maglev"] = "MAGLEV",
    };

    /// <summary>DSL outlier setting → Envoy OutlierDetection field, and the kind of value it takes.</summary>
    private static readonly Dictionary<string, (string Field, string Kind)> OutlierFields = new()
    {
        ["local-failures"] = ("consecutive_local_origin_failure", "count"),
        ["consecutive-5xx"] = ("consecutive_5xx", "count"),
        ["gateway-failures"] = ("consecutive_gateway_failure", "count"),
        ["interval"] = ("interval", "duration"),
        ["ejection"] = ("base_ejection_time", "duration"),
        ["max-ejection"] = ("max_ejection_percent", "percent"),
    };

    public static ClusterSettings Read(IEnumerable<MeshParser.RouteClustersClauseContext> clauses, DslContext context)
    {
        var connect = TimeSpan.FromSeconds(5);
        var lb = "ROUND_ROBIN";
        var outlier = new List<(string, object)>();
        foreach (var option in clauses.SelectMany(c => c.clusterOption()))
        {
            switch (option)
            {
                case MeshParser.ClusterConnectTimeoutContext c:
                    connect = DurationReader.Read(c.DURATION().Symbol, context) ?? connect;
                    break;
                case MeshParser.ClusterLoadBalancingContext l:
                    var text = DslContext.Text(l.name());
                    if (LbPolicies.TryGetValue(text, out var policy)) lb = policy;
                    else context.Diagnostics.ReportDslInvalidValue(context.At(l.name()), "lb", text,
                        "use " + string.Join(", ", LbPolicies.Keys), Spelling.DidYouMean(text, LbPolicies.Keys));
                    break;
                case MeshParser.ClusterOutlierContext o:
                    foreach (var setting in o.outlierSetting()) ReadOutlier(setting, outlier, context);
                    break;
            }
        }
        return new ClusterSettings(connect, lb, outlier);
    }

    private static void ReadOutlier(MeshParser.OutlierSettingContext s, List<(string, object)> into, DslContext context)
    {
        var name = s.WORD().GetText();
        if (!OutlierFields.TryGetValue(name, out var field))
        {
            context.Diagnostics.ReportDslInvalidValue(context.At(s), "outlier setting", name,
                "use " + string.Join(", ", OutlierFields.Keys), Spelling.DidYouMean(name, OutlierFields.Keys));
            return;
        }
        var isPercent = s.PERCENT() is not null;
        if (field.Kind == "duration" && s.DURATION() is { } d)
        {
            if (DurationReader.Read(d.Symbol, context) is { } value) into.Add((field.Field, ServiceRouteTypes.Duration(value)));
        }
        else if (field.Kind != "duration" && s.INT() is { } n && isPercent == (field.Kind == "percent"))
        {
            if (context.Int(n.Symbol, "outlier " + name, 0, isPercent ? 100 : int.MaxValue) is { } value) into.Add((field.Field, value));
        }
        else
        {
            var expected = field.Kind switch { "duration" => "a duration such as 10s", "percent" => "a percentage such as 50%", _ => "a count" };
            context.Diagnostics.ReportDslInvalidValue(context.At(s), "outlier " + name, s.GetText()[name.Length..], "use " + expected);
        }
    }
}
