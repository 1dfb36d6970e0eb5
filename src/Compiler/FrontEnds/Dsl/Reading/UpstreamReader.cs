using Meshc.Compiler.FrontEnds.Dsl.Syntax;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.FrontEnds.Dsl.Reading;

/// <summary>
/// Reads the <c>clusters</c> settings of a service route into the route's <see cref="UpstreamPolicy"/>, which every
/// cluster the route sends to gets (<see cref="MeshAnnotations"/> in YAML).
/// <code>
/// clusters [connect-timeout D] [lb round-robin|least-request|random|ring-hash|maglev]
///          [outlier local-failures N | consecutive-5xx N | gateway-failures N | interval D | ejection D | max-ejection N%]…
/// </code>
/// </summary>
internal static class UpstreamReader
{
    public static UpstreamPolicy? Read(IReadOnlyList<MeshParser.RouteClustersClauseContext> clauses, DslContext context)
    {
        if (clauses.Count == 0) return null;
        TimeSpan? connect = null;
        LoadBalancing? lb = null;
        OutlierDetection? outlier = null;
        foreach (var option in clauses.SelectMany(c => c.clusterOption()))
        {
            switch (option)
            {
                case MeshParser.ClusterConnectTimeoutContext c:
                    connect = DurationReader.Read(c.DURATION().Symbol, context) ?? connect;
                    break;
                case MeshParser.ClusterLoadBalancingContext l:
                    var text = DslContext.Text(l.name());
                    if (MeshAnnotations.LoadBalancingNames.TryGetValue(text, out var policy)) lb = policy;
                    else context.Diagnostics.ReportDslInvalidValue(context.At(l.name()), "lb", text,
                        "use " + string.Join(", ", MeshAnnotations.LoadBalancingNames.Keys), Spelling.DidYouMean(text, MeshAnnotations.LoadBalancingNames.Keys));
                    break;
                case MeshParser.ClusterOutlierContext o:
                    foreach (var setting in o.outlierSetting()) outlier = ReadOutlier(setting, outlier ?? MeshAnnotations.NoOutlier, context);
                    break;
            }
        }
        if (outlier == MeshAnnotations.NoOutlier) outlier = null;
        return new UpstreamPolicy(connect, lb, outlier, context.At(clauses[0]));
    }

    private static OutlierDetection ReadOutlier(MeshParser.OutlierSettingContext s, OutlierDetection outlier, DslContext context)
    {
        var name = s.WORD().GetText();
        if (!MeshAnnotations.OutlierSettings.TryGetValue(name, out var kind))
        {
            context.Diagnostics.ReportDslInvalidValue(context.At(s), "outlier setting", name,
                "use " + string.Join(", ", MeshAnnotations.OutlierSettings.Keys), Spelling.DidYouMean(name, MeshAnnotations.OutlierSettings.Keys));
            return outlier;
        }
        var isPercent = s.PERCENT() is not null;
        if (kind == OutlierValue.Duration && s.DURATION() is { } d)
            return DurationReader.Read(d.Symbol, context) is { } value ? MeshAnnotations.With(outlier, name, null, value) : outlier;
        if (kind != OutlierValue.Duration && s.INT() is { } n && isPercent == (kind == OutlierValue.Percent))
            return context.Int(n.Symbol, "outlier " + name, 0, isPercent ? 100 : int.MaxValue) is { } count ? MeshAnnotations.With(outlier, name, count, null) : outlier;
        var expected = kind switch { OutlierValue.Duration => "a duration such as 10s", OutlierValue.Percent => "a percentage such as 50%", _ => "a count" };
        context.Diagnostics.ReportDslInvalidValue(context.At(s), "outlier " + name, s.GetText()[name.Length..], "use " + expected);
        return outlier;
    }
}
