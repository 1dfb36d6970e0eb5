using System.Text.Json.Nodes;

namespace Meshc.Compiler.FrontEnds.Cilium;

/// <summary>JSON pointers (RFC 6901) into the JSON that <see cref="Yaml.YamlJson"/> makes from a resource.</summary>
internal static class YamlJsonPointer
{
    /// <summary>A key as a pointer token ('~' → '~0', '/' → '~1').</summary>
    public static string Escape(string key) => key.Replace("~", "~0").Replace("/", "~1");

    private static string Unescape(string token) => token.Replace("~1", "/").Replace("~0", "~");

    /// <summary>Removes the member a pointer names; a pointer that does not resolve changes nothing.</summary>
    public static void Remove(JsonNode? root, string pointer)
    {
        var tokens = pointer.Split('/').Skip(1).Select(Unescape).ToArray();
        if (tokens.Length == 0) return;
        var node = root;
        foreach (var token in tokens[..^1])
        {
            node = node switch
            {
                JsonObject obj => obj[token],
                JsonArray arr when int.TryParse(token, out var i) && i >= 0 && i < arr.Count => arr[i],
                _ => null,
            };
        }
        if (node is JsonObject parent) parent.Remove(tokens[^1]);
    }

    /// <summary>A pointer as a field path for messages: <c>/a/0/b</c> → <c>a[0].b</c>.</summary>
    public static string Display(string pointer)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var token in pointer.Split('/').Skip(1).Select(Unescape))
        {
            if (int.TryParse(token, out var index)) sb.Append('[').Append(index).Append(']');
            else sb.Append(sb.Length == 0 ? "" : ".").Append(token);
        }
        return sb.ToString();
    }
}
