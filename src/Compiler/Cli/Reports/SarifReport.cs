using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Meshc.Compiler.Diagnostics;

namespace Meshc.Compiler.Cli.Reports;

/// <summary>
/// <c>meshc check --format sarif</c>: a SARIF 2.1.0 log with one run. The tool's rules are the whole diagnostic
/// catalog, one rule per code with its message template and help text; each result names its rule, its level
/// (error, warning, note), its file, line and column (a physical location, relative to the source root), and the
/// Gateway API or Kubernetes object it is about (a logical location, <c>HTTPRoute default/example-route-1</c>).
/// A test validates the output against the SARIF 2.1.0 JSON schema.
/// </summary>
internal static class SarifReport
{
    private const string SourceRoot = "%SRCROOT%";

    public static string Render(IReadOnlyList<ReportedDiagnostic> diagnostics)
    {
        var rules = DiagnosticCatalog.All;
        var ruleIndex = rules.Select((r, i) => (r.Code.Value, i)).ToDictionary(p => p.Value, p => p.i, StringComparer.Ordinal);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, rules);
            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteStartArray("results");
            foreach (var d in diagnostics) WriteResult(json, d, ruleIndex[d.Diagnostic.Code.Value]);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteTool(Utf8JsonWriter json, IReadOnlyList<DiagnosticDescriptor> rules)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "meshc");
        json.WriteString("semanticVersion", Version());
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Code.Value);
            json.WriteString("name", rule.Name);
            Text(json, "shortDescription", rule.MessageTemplate);
            if (rule.Help is { } help)
            {
                Text(json, "fullDescription", help);
                Text(json, "help", help);
            }
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(rule.Severity));
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, ReportedDiagnostic reported, int ruleIndex)
    {
        var d = reported.Diagnostic;
        json.WriteStartObject();
        json.WriteString("ruleId", d.Code.Value);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", Level(d.Severity));
        Text(json, "message", reported.Text);
        if (!d.Location.IsNone || reported.Object is not null)
        {
            json.WriteStartArray("locations");
            json.WriteStartObject();
            if (!d.Location.IsNone) WritePhysical(json, d);
            if (reported.Object is { } o)
            {
                json.WriteStartArray("logicalLocations");
                json.WriteStartObject();
                json.WriteString("name", o.Name);
                json.WriteString("fullyQualifiedName", $"{o.Kind} {o.QualifiedName}");
                json.WriteString("kind", "resource");
                json.WriteEndObject();
                json.WriteEndArray();
            }
            json.WriteEndObject();
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static void WritePhysical(Utf8JsonWriter json, Diagnostic d)
    {
        var uri = ReportFile.Uri(d.Location.Path);
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", uri);
        if (ReportFile.IsRelative(uri)) json.WriteString("uriBaseId", SourceRoot);
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", d.Location.Line);
        json.WriteNumber("startColumn", d.Location.Column);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Text(Utf8JsonWriter json, string property, string text)
    {
        json.WriteStartObject(property);
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "note",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "no SARIF level for this severity"),
    };

    private static string Version() =>
        typeof(SarifReport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
