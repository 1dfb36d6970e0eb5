using System.Globalization;
using System.Text.Json.Nodes;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.BackEnds.Kubernetes;

/// <summary>Pieces every manifest shares: the object header, metadata, label maps, optional members, durations.</summary>
internal static class ManifestJson
{
    public static JsonObject Object(string apiVersion, string kind, ObjectMeta meta, bool namespaced = true)
    {
        var metadata = new JsonObject { ["name"] = meta.Name };
        if (namespaced) metadata["namespace"] = meta.Namespace;
        if (!meta.Labels.IsEmpty) metadata["labels"] = Map(meta.Labels);
        if (!meta.Annotations.IsEmpty) metadata["annotations"] = Map(meta.Annotations);
        return new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind, ["metadata"] = metadata };
    }

    public static JsonObject Map(IEnumerable<Label> labels)
    {
        var map = new JsonObject();
        foreach (var l in labels) map[l.Key] = l.Value;
        return map;
    }

    public static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonNode> write) => new(items.Select(write).ToArray());

    /// <summary>Sets <paramref name="key"/> only when there is a value, as a hand-written manifest leaves fields out.</summary>
    public static JsonObject Opt(this JsonObject obj, string key, JsonNode? value)
    {
        if (value is not null) obj[key] = value;
        return obj;
    }

    public static JsonObject OptList<T>(this JsonObject obj, string key, IReadOnlyCollection<T> items, Func<T, JsonNode> write) =>
        items.Count == 0 ? obj : obj.Opt(key, Array(items, write));

    /// <summary>A Gateway API duration (GEP-2257): <c>1h30m</c>, <c>250ms</c>, <c>0s</c>.</summary>
    public static string Duration(TimeSpan value)
    {
        var ms = (long)value.TotalMilliseconds;
        if (ms == 0) return "0s";
        var text = "";
        foreach (var (unit, size) in new[] { ("h", 3_600_000L), ("m", 60_000L), ("s", 1_000L), ("ms", 1L) })
        {
            if (ms / size == 0) continue;
            text += (ms / size).ToString(CultureInfo.InvariantCulture) + unit;
            ms %= size;
        }
        return text;
    }
}
