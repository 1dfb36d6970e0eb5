using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Meshc.EnvoyApi.Validation;

/// <summary>Builds the human-readable field paths reported in <see cref="PgvViolation"/>s.</summary>
internal static class FieldPath
{
    // Relaxed escaping keeps text such as "a<b" readable; only JSON-mandatory escapes remain. The writer, not the
    // reflection-based serializer, so the ahead-of-time compiled CLI can use it (same escaping either way).
    private static readonly JsonWriterOptions s_relaxedJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Appends a field (or oneof) name: <c>a.b</c>.</summary>
    public static string Field(string parent, string name) => parent.Length == 0 ? name : parent + "." + name;

    /// <summary>Appends a list index: <c>a[3]</c>.</summary>
    public static string Index(string parent, int index) => parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>Appends a map key; string keys are JSON-quoted so odd characters stay visible.</summary>
    public static string Key(string parent, object key) => parent + "[" + FormatKey(key) + "]";

    /// <summary>Renders a string as a JSON string literal, for paths and messages.</summary>
    public static string Quote(string s)
    {
        var buffer = new ArrayBufferWriter<byte>(s.Length + 2);
        using (var writer = new Utf8JsonWriter(buffer, s_relaxedJson))
        {
            writer.WriteStringValue(s);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string FormatKey(object key) => key switch
    {
        string s => Quote(s),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => key.ToString() ?? string.Empty,
    };
}
