using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Meshc.Compiler.Diagnostics;

namespace Meshc.Compiler.Cli.Reports;

/// <summary>
/// <c>meshc check --format json</c>: one document, its shape fixed by <c>"format": "meshc-check", "version": 1</c>
/// (README.md, "Machine-readable output"). Every key is always present (null when empty), diagnostics are in the order
/// the text format prints them, and nothing depends on the clock or the machine.
/// </summary>
internal static class JsonReport
{
    public const int Version = 1;

    public static string Render(IReadOnlyList<ReportedDiagnostic> diagnostics)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("format", "meshc-check");
            json.WriteNumber("version", Version);
            json.WriteNumber("errors", diagnostics.Count(d => d.Diagnostic.Severity == Severity.Error));
            json.WriteNumber("warnings", diagnostics.Count(d => d.Diagnostic.Severity == Severity.Warning));
            json.WriteNumber("infos", diagnostics.Count(d => d.Diagnostic.Severity == Severity.Info));
            json.WriteStartArray("diagnostics");
            foreach (var d in diagnostics) Write(json, d);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Write(Utf8JsonWriter json, ReportedDiagnostic reported)
    {
        var d = reported.Diagnostic;
        json.WriteStartObject();
        json.WriteString("code", d.Code.Value);
        json.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
        if (d.Location.IsNone)
        {
            json.WriteNull("path");
            json.WriteNull("line");
            json.WriteNull("column");
        }
        else
        {
            json.WriteString("path", d.Location.Path);
            json.WriteNumber("line", d.Location.Line);
            json.WriteNumber("column", d.Location.Column);
        }
        json.WriteString("message", d.Message);
        if (d.Hint is null) json.WriteNull("hint");
        else json.WriteString("hint", d.Hint);
        if (reported.Object is { } o)
        {
            json.WriteStartObject("object");
            json.WriteString("kind", o.Kind);
            json.WriteString("namespace", o.Namespace);
            json.WriteString("name", o.Name);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("object");
        }
        json.WriteEndObject();
    }
}
