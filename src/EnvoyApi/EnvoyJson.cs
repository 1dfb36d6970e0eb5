using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Meshc.EnvoyApi;

/// <summary>
/// Strict JSON parsing and deterministic JSON formatting of Envoy messages, using the
/// proto3 JSON mapping Envoy itself accepts (lowerCamel names, <c>"@type"</c> in <c>Any</c>).
/// </summary>
public static class EnvoyJson
{
    // Strict: an unknown field is an error, as it is for Envoy, rather than silently lost.
    private static readonly Lazy<JsonParser> s_parser = new(() => new JsonParser(
        JsonParser.Settings.Default
            .WithTypeRegistry(EnvoyTypes.TypeRegistry)
            .WithIgnoreUnknownFields(false)));

    private static readonly Lazy<JsonFormatter> s_compact = new(() => new JsonFormatter(FormatterSettings()));

    private static readonly Lazy<JsonFormatter> s_indented = new(() => new JsonFormatter(FormatterSettings().WithIndentation("  ")));

    /// <summary>Parses <paramref name="json"/> as a <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">A generated message type.</typeparam>
    /// <param name="json">Proto3 JSON text.</param>
    /// <returns>The parsed message.</returns>
    /// <exception cref="EnvoyJsonException">The JSON is malformed or does not match <typeparamref name="T"/>.</exception>
    public static T Parse<T>(string json)
        where T : IMessage, new()
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return s_parser.Value.Parse<T>(json);
        }
        catch (Exception ex) when (IsParseFailure(ex))
        {
            throw new EnvoyJsonException(new T().Descriptor.FullName, ex);
        }
    }

    /// <summary>Parses <paramref name="json"/> as a message of the type <paramref name="descriptor"/> describes.</summary>
    /// <param name="descriptor">The expected message type, e.g. from <see cref="EnvoyTypes.FindMessage"/>.</param>
    /// <param name="json">Proto3 JSON text.</param>
    /// <returns>The parsed message.</returns>
    /// <exception cref="EnvoyJsonException">The JSON is malformed or does not match the type.</exception>
    public static IMessage Parse(MessageDescriptor descriptor, string json)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return s_parser.Value.Parse(json, descriptor);
        }
        catch (Exception ex) when (IsParseFailure(ex))
        {
            throw new EnvoyJsonException(descriptor.FullName, ex);
        }
    }

    /// <summary>
    /// Formats <paramref name="message"/> as compact JSON. Equal messages give byte-identical
    /// output: fields in field-number order, map entries sorted by key, default values omitted.
    /// </summary>
    /// <param name="message">The message to format; it is not modified.</param>
    /// <exception cref="InvalidOperationException">An <c>Any</c> holds a type that is not compiled in.</exception>
    public static string Format(IMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return s_compact.Value.Format(MapOrdering.Ordered(message, EnvoyTypes.TypeRegistry));
    }

    /// <summary>
    /// Same as <see cref="Format"/> but indented by two spaces, one field or element per line,
    /// for files that people read and diff. No trailing newline is added.
    /// </summary>
    /// <param name="message">The message to format; it is not modified.</param>
    /// <exception cref="InvalidOperationException">An <c>Any</c> holds a type that is not compiled in.</exception>
    public static string FormatIndented(IMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return s_indented.Value.Format(MapOrdering.Ordered(message, EnvoyTypes.TypeRegistry));
    }

    private static JsonFormatter.Settings FormatterSettings() => JsonFormatter.Settings.Default
        .WithTypeRegistry(EnvoyTypes.TypeRegistry)
        .WithPreserveProtoFieldNames(false)
        .WithFormatDefaultValues(false)
        .WithFormatEnumsAsIntegers(false);

    // The protobuf parser reports bad input through several exception types: InvalidJsonException
    // (syntax) and InvalidProtocolBufferException (schema) are IOExceptions; an unknown Any type
    // is an InvalidOperationException; malformed well-known values can surface as FormatException.
    private static bool IsParseFailure(Exception ex) =>
        ex is IOException or InvalidOperationException or FormatException;
}
