using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Nodes;

namespace Meshc.Compiler.Schemas;

/// <summary>
/// The schemas embedded from schemas/ (see Meshc.Compiler.csproj), found by kind and apiVersion through
/// schemas/index.json. Each file is loaded on first use and then shared by every thread; apiVersions a CRD serves
/// with identical schemas share one file and so one loaded tree.
/// </summary>
internal static class SchemaRegistry
{
    private const string ResourcePrefix = "schemas/";

    private static readonly Lazy<FrozenDictionary<(string Kind, string ApiVersion), Lazy<SchemaNode>>> Index = new(LoadIndex);

    /// <summary>The schema of a kind at an apiVersion, or null when schemas/ has none (the object is read unchecked).</summary>
    public static SchemaNode? Find(string kind, string apiVersion) =>
        Index.Value.TryGetValue((kind, apiVersion), out var schema) ? schema.Value : null;

    /// <summary>Every (kind, apiVersion) that has a schema.</summary>
    public static IEnumerable<(string Kind, string ApiVersion)> Entries => Index.Value.Keys.Order();

    private static FrozenDictionary<(string, string), Lazy<SchemaNode>> LoadIndex()
    {
        var files = new Dictionary<string, Lazy<SchemaNode>>(StringComparer.Ordinal);
        var result = new Dictionary<(string, string), Lazy<SchemaNode>>();
        foreach (var (kind, versions) in Read("index.json").AsObject())
        foreach (var (apiVersion, file) in versions!.AsObject())
        {
            var path = file!.GetValue<string>();
            if (!files.TryGetValue(path, out var schema))
                files[path] = schema = new Lazy<SchemaNode>(() => SchemaLoader.Load(Read(path).AsObject()));
            result[(kind, apiVersion)] = schema;
        }
        return result.ToFrozenDictionary();
    }

    private static JsonNode Read(string relativePath)
    {
        var assembly = typeof(SchemaRegistry).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourcePrefix + relativePath) ??
                           throw new InvalidDataException($"schema resource '{relativePath}' is not embedded");
        return JsonNode.Parse(stream) ?? throw new InvalidDataException($"schema resource '{relativePath}' is empty");
    }
}
