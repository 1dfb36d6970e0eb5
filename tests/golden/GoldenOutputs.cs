using System.Text;
using Meshc.Compiler;
using Newtonsoft.Json.Linq;

namespace Meshc.Golden;

/// <summary>
/// The snapshots of one compilation: diagnostics (one line each), the IR, the Gateway API status, the xDS and the
/// Kubernetes manifests (k8s/, one array of lines per file, so a snapshot diff reads like the YAML diff).
/// A compilation with a blocking error has no bundle, hence no xDS snapshot; its status is still recorded.
/// </summary>
public static class GoldenOutputs
{
    public const EmitTargets Targets = EmitTargets.Xds | EmitTargets.Status | EmitTargets.Ir | EmitTargets.K8s;

    public static readonly string[] Names = ["diagnostics", "ir", "k8s", "status", "xds"];

    public static IReadOnlyDictionary<string, object> From(EmitResult result)
    {
        var outputs = new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["diagnostics"] = result.Diagnostics.Select(d => d.ToString()).ToArray(),
            ["ir"] = JToken.Parse(Meshc.Compiler.Ir.IrSerializer.Write(result.Model)),
        };
        // Status is computed even when a blocking error stops the bundle: invalid inputs are exactly where conditions matter.
        var status = new JObject();
        foreach (var (path, text) in Meshc.Compiler.BackEnds.Status.StatusBackEnd.Render(result.Status))
            status[path] = new JArray(text.TrimEnd('\n').Split('\n'));
        outputs["status"] = status;
        if (result.Bundle is not { } bundle) return outputs;

        var xds = new JObject();
        foreach (var f in bundle.Files.Where(f => f.Path.StartsWith("xds/", StringComparison.Ordinal) && f.Path.EndsWith(".json", StringComparison.Ordinal)))
            xds[f.Path] = JToken.Parse(Encoding.UTF8.GetString(f.Content));
        outputs["xds"] = xds;

        var k8s = new JObject();
        foreach (var f in bundle.Files.Where(f => f.Path.StartsWith("k8s/", StringComparison.Ordinal)))
            k8s[f.Path] = new JArray(Encoding.UTF8.GetString(f.Content).TrimEnd('\n').Split('\n'));
        if (k8s.Count > 0) outputs["k8s"] = k8s;
        return outputs;
    }
}
