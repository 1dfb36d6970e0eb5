using System.Globalization;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;
using YamlDotNet.RepresentationModel;

namespace Meshc.Compiler.FrontEnds.Yaml;

/// <summary>
/// Reads the <see cref="MeshAnnotations"/> of a route: retry conditions and the per-try timeout go into every rule
/// that has a retry, the cluster settings into <see cref="Route.Upstream"/>, the path settings into
/// <see cref="Route.Paths"/> (only a route attached to Services only takes them: anything else is MC0390). The annotations themselves leave the
/// metadata (a writer puts them back from the IR). A value that does not parse is MC0390 and is left out.
/// </summary>
internal sealed class MeshAnnotationReader(YamlObject obj, DiagnosticBag diagnostics)
{
    private readonly YamlMappingNode? _annotations = obj.Root.Map("metadata").Map("annotations");

    public Route Apply(Route route)
    {
        if (_annotations is null || !MeshAnnotations.All.Any(k => _annotations.Get(k) is not null)) return route;
        var conditions = Conditions();
        var perTry = Duration(MeshAnnotations.PerTryTimeout);
        var rules = route.Rules;
        if (conditions is not null || perTry is not null)
        {
            if (route.Rules.All(r => r.Retry is null))
            {
                foreach (var key in new[] { MeshAnnotations.RetryOn, MeshAnnotations.PerTryTimeout }.Where(k => _annotations.Get(k) is not null))
                    diagnostics.ReportMeshAnnotationUnused(At(key), key, route.KindName, route.Key.QualifiedName);
            }
            rules = route.Rules.Select(r => r.Retry is { } retry
                ? r with { Retry = retry with { Conditions = conditions ?? ValueList<string>.Empty, PerTryTimeout = perTry } }
                : r).ToValueList();
        }
        var meta = route.Meta with { Annotations = route.Meta.Annotations.Where(a => !MeshAnnotations.All.Contains(a.Key)).ToValueList() };
        return route with { Meta = meta, Rules = rules, Upstream = Upstream(), Paths = Paths(route) };
    }

    private ValueList<string>? Conditions()
    {
        if (Text(MeshAnnotations.RetryOn) is not { } text) return null;
        var conditions = new List<string>();
        foreach (var condition in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (MeshAnnotations.RetryConditions.Contains(condition)) conditions.Add(condition);
            else Invalid(MeshAnnotations.RetryOn, text, $"'{condition}' is not an Envoy retry condition",
                Spelling.DidYouMean(condition, MeshAnnotations.RetryConditions));
        }
        return conditions.Count > 0 ? conditions.ToValueList() : (ValueList<string>?)null;
    }

    private UpstreamPolicy? Upstream()
    {
        var connect = Duration(MeshAnnotations.ConnectTimeout);
        LoadBalancing? lb = null;
        if (Text(MeshAnnotations.LbPolicy) is { } policy)
        {
            if (MeshAnnotations.LoadBalancingNames.TryGetValue(policy, out var known)) lb = known;
            else Invalid(MeshAnnotations.LbPolicy, policy, "use " + string.Join(", ", MeshAnnotations.LoadBalancingNames.Keys),
                Spelling.DidYouMean(policy, MeshAnnotations.LoadBalancingNames.Keys));
        }
        var outlier = Outlier();
        if (connect is null && lb is null && outlier is null) return null;
        return new UpstreamPolicy(connect, lb, outlier, obj.Location);
    }

    private PathHandling? Paths(Route route)
    {
        if (Text(MeshAnnotations.Paths) is not { } text) return null;
        if (route.ParentRefs.IsEmpty || !route.ParentRefs.All(p => p.IsService))
        {
            Invalid(MeshAnnotations.Paths, text, "only a route attached to Services sets its listener's path handling; " +
                "a Gateway's listeners leave the path as sent", null);
            return null;
        }
        var paths = new PathHandling(false, false, null, At(MeshAnnotations.Paths));
        foreach (var setting in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = setting.IndexOf('=') is var eq and > 0 ? (setting[..eq].Trim(), setting[(eq + 1)..].Trim()) : (setting, (string?)null);
            switch (name)
            {
                case MeshAnnotations.Normalize when value is null:
                    paths = paths with { Normalize = true };
                    break;
                case MeshAnnotations.MergeSlashes when value is null:
                    paths = paths with { MergeSlashes = true };
                    break;
                case MeshAnnotations.EscapedSlashesSetting when value is not null && MeshAnnotations.EscapedSlashesNames.TryGetValue(value, out var action):
                    paths = paths with { EscapedSlashes = action };
                    break;
                case MeshAnnotations.EscapedSlashesSetting:
                    Invalid(MeshAnnotations.Paths, text, "escaped-slashes takes one of " + string.Join(", ", MeshAnnotations.EscapedSlashesNames.Keys),
                        value is null ? null : Spelling.DidYouMean(value, MeshAnnotations.EscapedSlashesNames.Keys));
                    break;
                default:
                    string[] names = [MeshAnnotations.Normalize, MeshAnnotations.MergeSlashes, MeshAnnotations.EscapedSlashesSetting + "=ACTION"];
                    Invalid(MeshAnnotations.Paths, text, $"'{setting}' is not a path setting; use " + string.Join(", ", names),
                        Spelling.DidYouMean(name, [MeshAnnotations.Normalize, MeshAnnotations.MergeSlashes, MeshAnnotations.EscapedSlashesSetting]));
                    break;
            }
        }
        return paths with { Origin = SourceLocation.None } == new PathHandling(false, false, null, SourceLocation.None) ? null : paths;
    }

    private OutlierDetection? Outlier()
    {
        if (Text(MeshAnnotations.OutlierDetection) is not { } text) return null;
        var outlier = MeshAnnotations.NoOutlier;
        foreach (var setting in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = setting.IndexOf('=') is var eq and > 0 ? (setting[..eq].Trim(), setting[(eq + 1)..].Trim()) : (setting, "");
            if (!MeshAnnotations.OutlierSettings.TryGetValue(name, out var kind))
            {
                Invalid(MeshAnnotations.OutlierDetection, text, $"'{name}' is not an outlier setting; use " +
                    string.Join(", ", MeshAnnotations.OutlierSettings.Keys), Spelling.DidYouMean(name, MeshAnnotations.OutlierSettings.Keys));
                continue;
            }
            switch (kind)
            {
                case OutlierValue.Duration when GatewayDuration.TryParse(value, out var d):
                    outlier = MeshAnnotations.With(outlier, name, null, d);
                    break;
                case OutlierValue.Count when Count(value, 0, int.MaxValue) is { } n:
                    outlier = MeshAnnotations.With(outlier, name, n, null);
                    break;
                case OutlierValue.Percent when value.EndsWith('%') && Count(value[..^1], 0, 100) is { } p:
                    outlier = MeshAnnotations.With(outlier, name, p, null);
                    break;
                default:
                    var expected = kind switch { OutlierValue.Duration => "a duration such as 10s", OutlierValue.Percent => "a percentage such as 50%", _ => "a count" };
                    Invalid(MeshAnnotations.OutlierDetection, text, $"{name} takes {expected}", null);
                    break;
            }
        }
        return outlier == MeshAnnotations.NoOutlier ? null : outlier;
    }

    private static int? Count(string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n : null;

    private TimeSpan? Duration(string key)
    {
        if (Text(key) is not { } text) return null;
        if (GatewayDuration.TryParse(text, out var value)) return value;
        Invalid(key, text, "use a Gateway API duration such as 1s or 250ms", null);
        return null;
    }

    private string? Text(string key) => _annotations.Str(key);

    private SourceLocation At(string key) => (_annotations.Get(key) ?? obj.Root).LocationIn(obj.Path);

    private void Invalid(string key, string value, string reason, string? hint) =>
        diagnostics.ReportInvalidMeshAnnotation(At(key), key, value, reason, hint);
}
