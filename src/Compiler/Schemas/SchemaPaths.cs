using System.Globalization;
using System.Text.Json;

namespace Meshc.Compiler.Schemas;

/// <summary>
/// Finds things by the paths JsonSchema.Net reports: a sub-schema by its evaluation path (to quote its keywords in a
/// message) and an instance value by its RFC 6901 pointer.
/// </summary>
internal static class SchemaPaths
{
    /// <summary>The unescaped segments of a JSON pointer ("" → none).</summary>
    public static string[] Segments(string pointer) =>
        pointer.Length == 0 ? [] : [.. pointer[1..].Split('/').Select(s => s.Replace("~1", "/").Replace("~0", "~"))];

    /// <summary>
    /// The schema an evaluation path leads to. Keywords that hold a schema are followed (<c>properties/NAME</c>,
    /// <c>items</c>, <c>additionalProperties</c>, <c>not</c>, <c>allOf/N</c>, <c>anyOf/N</c>, <c>oneOf/N</c>).
    /// JsonSchema.Net 8 writes <c>items</c> twice per step (<c>/items/items</c>); a test pins that, so a release that
    /// changes it fails the build's tests rather than the messages.
    /// </summary>
    public static JsonElement Resolve(JsonElement schema, string evaluationPath)
    {
        var segments = Segments(evaluationPath);
        var at = schema;
        for (var i = 0; i < segments.Length; i++)
        {
            var keyword = segments[i];
            switch (keyword)
            {
                case "properties":
                    at = at.GetProperty(keyword).GetProperty(segments[++i]);
                    break;
                case "items":
                    at = at.GetProperty(keyword);
                    if (i + 1 < segments.Length && segments[i + 1] == "items") i++;
                    break;
                case "additionalProperties" or "not":
                    at = at.GetProperty(keyword);
                    break;
                case "allOf" or "anyOf" or "oneOf":
                    at = at.GetProperty(keyword)[int.Parse(segments[++i], CultureInfo.InvariantCulture)];
                    break;
                default:
                    throw new InvalidDataException($"evaluation path '{evaluationPath}' passes keyword '{keyword}', which no schema in schemas/ nests");
            }
        }
        return at;
    }

    /// <summary>The instance value at a pointer the evaluation reported (so it exists).</summary>
    public static JsonElement Find(JsonElement instance, string pointer)
    {
        var at = instance;
        foreach (var segment in Segments(pointer))
            at = at.ValueKind == JsonValueKind.Array ? at[int.Parse(segment, CultureInfo.InvariantCulture)] : at.GetProperty(segment);
        return at;
    }

    /// <summary>The pointer as path segments (names and list indexes), for the words of a message.</summary>
    public static IReadOnlyList<PathSegment> PathOf(JsonElement instance, string pointer)
    {
        var result = new List<PathSegment>();
        var at = instance;
        foreach (var segment in Segments(pointer))
        {
            if (at.ValueKind == JsonValueKind.Array)
            {
                var index = int.Parse(segment, CultureInfo.InvariantCulture);
                result.Add(new PathSegment(null, index));
                at = at[index];
            }
            else
            {
                result.Add(new PathSegment(segment, 0));
                at = at.ValueKind == JsonValueKind.Object && at.TryGetProperty(segment, out var member) ? member : default;
            }
        }
        return result;
    }
}
