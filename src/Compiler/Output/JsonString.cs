using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Meshc.Compiler.Output;

/// <summary>
/// JSON string literals without the reflection-based serializer (the CLI is compiled ahead of time, where that
/// serializer is off): the same writer and escaping rules <c>JsonSerializer.Serialize(string)</c> uses.
/// </summary>
internal static class JsonString
{
    private static readonly JsonWriterOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><paramref name="value"/> as a JSON string literal, escaping only what JSON requires.</summary>
    public static string Quote(string value)
    {
        var buffer = new ArrayBufferWriter<byte>(value.Length + 2);
        using (var writer = new Utf8JsonWriter(buffer, Relaxed)) writer.WriteStringValue(value);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The string a JSON string literal stands for, or null when <paramref name="literal"/> is not exactly one.</summary>
    public static string? Unquote(string literal)
    {
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(literal));
            if (!reader.Read() || reader.TokenType != JsonTokenType.String) return null;
            var value = reader.GetString();
            return reader.Read() ? null : value;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
