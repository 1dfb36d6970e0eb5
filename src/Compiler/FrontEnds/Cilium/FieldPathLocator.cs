using Meshc.Compiler.FrontEnds.Yaml;
using YamlDotNet.RepresentationModel;

namespace Meshc.Compiler.FrontEnds.Cilium;

/// <summary>
/// Finds the YAML node a validator field path names (<c>filter_chains[0].filters[0].name</c>,
/// <c>metadata.filter_metadata["k"]</c>), accepting keys written as proto or JSON names. Paths run through
/// <c>Any</c> payloads, which YAML writes inline beside their <c>@type</c>, so they resolve too. When a step has
/// no node (an unset field, a oneof name), the deepest node found is the answer.
/// </summary>
internal static class FieldPathLocator
{
    /// <summary>The node at <paramref name="fieldPath"/>, or the deepest one on the way there.</summary>
    public static YamlNode Find(YamlNode root, string fieldPath)
    {
        var node = root;
        foreach (var step in Steps(fieldPath))
        {
            var next = step switch
            {
                int i when node is YamlSequenceNode seq && i < seq.Children.Count => seq.Children[i],
                string name when node is YamlMappingNode map => map.Get(name) ?? map.Get(JsonName(name)),
                _ => null,
            };
            if (next is null) break;
            node = next;
        }
        return node;
    }

    /// <summary>The steps of a path: field names and map keys as strings, list indexes as ints.</summary>
    private static IEnumerable<object> Steps(string path)
    {
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '.') i++;
            if (i < path.Length && path[i] == '[')
            {
                var close = Close(path, i);
                var inner = path[(i + 1)..close];
                if (int.TryParse(inner, out var index)) yield return index;
                else if (inner.StartsWith('"')) yield return Unquote(inner);
                else yield return inner;
                i = close + 1;
                continue;
            }
            var end = i;
            while (end < path.Length && path[end] is not '.' and not '[') end++;
            if (end > i) yield return path[i..end];
            i = end;
        }
    }

    /// <summary>The index of the ']' closing the '[' at <paramref name="open"/>, skipping a quoted key.</summary>
    private static int Close(string path, int open)
    {
        var inString = false;
        for (var i = open + 1; i < path.Length; i++)
        {
            if (inString && path[i] == '\\') i++;
            else if (path[i] == '"') inString = !inString;
            else if (!inString && path[i] == ']') return i;
        }
        return path.Length - 1;
    }

    private static string Unquote(string quoted) => Output.JsonString.Unquote(quoted) ?? quoted.Trim('"');

    private static string JsonName(string protoName)
    {
        var parts = protoName.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => p.Length == 0 ? "" : char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
