using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Meshc.Compiler.Schemas;

/// <summary>The words schema violations are reported in: values as a user wrote them, types as a user thinks of them.</summary>
internal static class SchemaMessages
{
    private const int MaxShown = 60;

    /// <summary>A value as it reads in a message: <c>'text'</c>, <c>-1</c>, <c>true</c>, <c>null</c>, <c>an object</c>, <c>a list</c>.</summary>
    public static string Describe(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "a list",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => Quote(v.GetValue<string>()),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => Number(SchemaValues.NumberOf(v) ?? 0),
        },
        _ => value.ToJsonString(),
    };

    public static string Quote(string text) =>
        text.Length <= MaxShown ? $"'{text}'" : $"'{text[..MaxShown]}…'";

    public static string Number(double n) =>
        Math.Abs(n) < 1e15 && Math.Floor(n) == n ? ((long)n).ToString(CultureInfo.InvariantCulture) : n.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>"a string", "an integer or a string", …</summary>
    public static string Types(JsonTypes types)
    {
        var names = new List<string>();
        if (types.HasFlag(JsonTypes.Object)) names.Add("an object");
        if (types.HasFlag(JsonTypes.Array)) names.Add("a list");
        if (types.HasFlag(JsonTypes.String)) names.Add("a string");
        if (types.HasFlag(JsonTypes.Number)) names.Add("a number");
        else if (types.HasFlag(JsonTypes.Integer)) names.Add("an integer");
        if (types.HasFlag(JsonTypes.Boolean)) names.Add("true or false");
        if (types.HasFlag(JsonTypes.Null)) names.Add("null");
        return Alternatives(names);
    }

    /// <summary>"a", "a or b", "a, b or c".</summary>
    public static string Alternatives(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "nothing",
        1 => items[0],
        _ => $"{string.Join(", ", items.Take(items.Count - 1))} or {items[^1]}",
    };

    /// <summary>A path as a user would write it: <c>spec.rules[0].matches</c>, <c>metadata.labels['app.kubernetes.io/name']</c>.</summary>
    public static string Path(IReadOnlyList<PathSegment> segments)
    {
        var s = new StringBuilder();
        foreach (var segment in segments)
        {
            if (segment.Name is null) s.Append('[').Append(segment.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
            else if (IsPlainName(segment.Name)) s.Append(s.Length == 0 ? "" : ".").Append(segment.Name);
            else s.Append("['").Append(segment.Name).Append("']");
        }
        return s.ToString();
    }

    /// <summary>The same path as an RFC 6901 JSON pointer, the key of <c>FrontEnds.Yaml.YamlJson</c>'s position maps.</summary>
    public static string Pointer(IReadOnlyList<PathSegment> segments)
    {
        var s = new StringBuilder();
        foreach (var segment in segments)
        {
            s.Append('/');
            if (segment.Name is null) s.Append(segment.Index.ToString(CultureInfo.InvariantCulture));
            else s.Append(segment.Name.Replace("~", "~0").Replace("/", "~1"));
        }
        return s.ToString();
    }

    private static bool IsPlainName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '@' or '$');
}

/// <summary>One step of a path: a member name, or (when <see cref="Name"/> is null) a list index.</summary>
internal readonly record struct PathSegment(string? Name, int Index);
