using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Meshc.Compiler.Schemas;

/// <summary>The words schema violations are reported in: values as a user wrote them, types as a user thinks of them.</summary>
internal static class SchemaMessages
{
    private const int MaxShown = 60;

    /// <summary>A value as it reads in a message: <c>'text'</c>, <c>-1</c>, <c>true</c>, <c>null</c>, <c>an object</c>, <c>a list</c>.</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => Quote(value.GetString()!),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => Number(value.GetDouble()),
        _ => "null",
    };

    public static string Quote(string text) =>
        text.Length <= MaxShown ? $"'{text}'" : $"'{text[..MaxShown]}…'";

    public static string Number(double n) =>
        Math.Abs(n) < 1e15 && Math.Floor(n) == n ? ((long)n).ToString(CultureInfo.InvariantCulture) : n.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A <c>type</c> keyword's value in words: "a string", "an integer or a string", …</summary>
    public static string Types(JsonElement type)
    {
        var allowed = type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()!).ToHashSet(StringComparer.Ordinal)
            : [type.GetString()!];
        var names = new List<string>();
        if (allowed.Contains("object")) names.Add("an object");
        if (allowed.Contains("array")) names.Add("a list");
        if (allowed.Contains("string")) names.Add("a string");
        if (allowed.Contains("number")) names.Add("a number");
        else if (allowed.Contains("integer")) names.Add("an integer");
        if (allowed.Contains("boolean")) names.Add("true or false");
        if (allowed.Contains("null")) names.Add("null");
        return Alternatives(names);
    }

    /// <summary>A <c>format</c> in words: "an IPv4 address".</summary>
    public static string Format(string format) => format switch
    {
        "ipv4" => "an IPv4 address",
        "ipv6" => "an IPv6 address",
        "date-time" => "an RFC 3339 date and time",
        _ => $"a valid {format}",
    };

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

    /// <summary>Length in Unicode code points, which is what minLength/maxLength count.</summary>
    public static int CodePoints(string text)
    {
        var length = text.Length;
        foreach (var c in text)
            if (char.IsLowSurrogate(c)) length--;
        return length;
    }

    private static bool IsPlainName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '@' or '$');
}

/// <summary>One step of a path: a member name, or (when <see cref="Name"/> is null) a list index.</summary>
internal readonly record struct PathSegment(string? Name, int Index);
