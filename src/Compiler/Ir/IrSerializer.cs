using System.Text.Json;
using System.Text.Json.Serialization;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Ir;

/// <summary>
/// Prints the IR as JSON, so each half of the pipeline can have its own goldens. Positions print as
/// <c>path:line:col</c>. The serializer code is generated at build time (<see cref="IrJsonContext"/>): no reflection, so
/// the ahead-of-time compiled CLI prints the same bytes as any other build.
/// </summary>
public static class IrSerializer
{
    private static readonly IrJsonContext Context = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        IndentSize = 2,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new SourceLocationConverter() },
    });

    public static string Write(MeshModel model) => JsonSerializer.Serialize(model, Context.MeshModel) + "\n";

    private sealed class SourceLocationConverter : JsonConverter<SourceLocation>
    {
        public override SourceLocation Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString() ?? "";
            var parts = text.Split(':');
            return parts.Length >= 3 && int.TryParse(parts[^2], out var line) && int.TryParse(parts[^1], out var column)
                ? new SourceLocation(string.Join(':', parts[..^2]), line, column)
                : new SourceLocation(text, 0, 0);
        }

        public override void Write(Utf8JsonWriter writer, SourceLocation value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }
}

/// <summary>
/// The IR's JSON contract, generated at build time. Enums print by name; a <see cref="ValueList{T}"/> prints as the
/// array of its items.
/// </summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(MeshModel))]
internal sealed partial class IrJsonContext : JsonSerializerContext;
