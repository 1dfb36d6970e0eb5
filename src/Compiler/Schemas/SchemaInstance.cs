using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Meshc.Compiler.Schemas;

/// <summary>
/// An object as the schema check sees it: JSON, with every member whose value is null left out. The API server prunes
/// such members before validating (a null where the schema does not allow one counts as absent), and no schema in
/// schemas/ requires a member that may be null, so leaving them all out is the same.
/// </summary>
internal static class SchemaInstance
{
    public static JsonDocument From(JsonNode? value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
            Write(writer, value);
        return JsonDocument.Parse(buffer.WrittenMemory);
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? value)
    {
        switch (value)
        {
            case JsonObject members:
                writer.WriteStartObject();
                foreach (var (name, member) in members)
                {
                    if (member is null) continue;
                    writer.WritePropertyName(name);
                    Write(writer, member);
                }
                writer.WriteEndObject();
                break;
            case JsonArray items:
                writer.WriteStartArray();
                foreach (var item in items) Write(writer, item);
                writer.WriteEndArray();
                break;
            case null:
                writer.WriteNullValue();
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }
}
