using System.Text.Json;
using System.Text.Json.Serialization;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Ir;

/// <summary>
/// Prints the IR as JSON and reads it back, so each half of the pipeline can have its own goldens and a back-end test
/// can start from IR without any front end. Positions print as <c>path:line:col</c>.
/// </summary>
public static class IrSerializer
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        IndentSize = 2,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(), new SourceLocationConverter(), new ValueListConverterFactory() },
    };

    public static string Write(MeshModel model) => JsonSerializer.Serialize(model, Options) + "\n";

    public static MeshModel Read(string json) =>
        JsonSerializer.Deserialize<MeshModel>(json, Options) ?? throw new JsonException("the IR document is empty");

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

    private sealed class ValueListConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) =>
            typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(ValueList<>);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(ValueListConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
    }

    private sealed class ValueListConverter<T> : JsonConverter<ValueList<T>>
    {
        public override ValueList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            (JsonSerializer.Deserialize<T[]>(ref reader, options) ?? []).ToValueList();

        public override void Write(Utf8JsonWriter writer, ValueList<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.Items.ToArray(), options);
    }
}
