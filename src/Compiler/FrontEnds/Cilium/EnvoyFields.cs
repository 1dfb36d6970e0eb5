using System.Collections.Concurrent;
using Google.Protobuf.Reflection;

namespace Meshc.Compiler.FrontEnds.Cilium;

/// <summary>
/// Field look-up as Envoy's JSON/YAML loader does it: a key may be the proto name (<c>filter_chains</c>) or the
/// JSON name (<c>filterChains</c>). Answers are cached because descriptor options are cloned on every call.
/// </summary>
internal static class EnvoyFields
{
    private static readonly ConcurrentDictionary<MessageDescriptor, Dictionary<string, FieldDescriptor>> ByKey = new();
    private static readonly ConcurrentDictionary<FieldDescriptor, bool> Deprecated = new();

    /// <summary>The field a mapping key names, or null.</summary>
    public static FieldDescriptor? Find(MessageDescriptor type, string key) =>
        ByKey.GetOrAdd(type, static t =>
        {
            var keys = new Dictionary<string, FieldDescriptor>(StringComparer.Ordinal);
            foreach (var field in t.Fields.InDeclarationOrder())
            {
                keys[field.Name] = field;
                keys.TryAdd(field.JsonName, field);
            }
            return keys;
        }).GetValueOrDefault(key);

    /// <summary>Names to suggest for a misspelt key, in the spelling the user chose (camelCase keys get JSON names).</summary>
    public static IEnumerable<string> Suggestions(MessageDescriptor type, string key) =>
        key.Any(char.IsUpper)
            ? type.Fields.InDeclarationOrder().Select(f => f.JsonName)
            : type.Fields.InDeclarationOrder().Select(f => f.Name);

    /// <summary>Whether the field is marked <c>deprecated</c> in Envoy's protos.</summary>
    public static bool IsDeprecated(FieldDescriptor field) =>
        Deprecated.GetOrAdd(field, static f => f.GetOptions()?.Deprecated == true);
}
