using System.Collections.Frozen;
using System.Text.Json;

namespace Meshc.Compiler.Schemas;

/// <summary>
/// The schemas embedded from schemas/ (see Meshc.Compiler.csproj), found by kind and apiVersion through
/// schemas/index.json. A schema file is read and built only when an object of its kind is first checked, then shared
/// by every thread: a compilation pays only for the kinds its input holds. apiVersions a CRD serves with identical
/// schemas share one file and so one built schema.
/// </summary>
internal static class SchemaRegistry
{
    private const string ResourcePrefix = "schemas/";

    /// <summary>Names the schemas in JsonSchema.Net's registry; never fetched (the library fetches nothing by default).</summary>
    private static readonly Uri Base = new("https://meshc.invalid/schemas/");

    private static readonly Lazy<FrozenDictionary<(string Kind, string ApiVersion), Lazy<CompiledSchema>>> Index = new(LoadIndex);

    /// <summary>The schema of a kind at an apiVersion, or null when schemas/ has none (the object is read unchecked).</summary>
    public static CompiledSchema? Find(string kind, string apiVersion) =>
        Index.Value.TryGetValue((kind, apiVersion), out var schema) ? schema.Value : null;

    /// <summary>Every (kind, apiVersion) that has a schema.</summary>
    public static IEnumerable<(string Kind, string ApiVersion)> Entries => Index.Value.Keys.Order();

    private static FrozenDictionary<(string, string), Lazy<CompiledSchema>> LoadIndex()
    {
        var files = new Dictionary<string, Lazy<CompiledSchema>>(StringComparer.Ordinal);
        var result = new Dictionary<(string, string), Lazy<CompiledSchema>>();
        using var index = Read("index.json");
        foreach (var kind in index.RootElement.EnumerateObject())
        foreach (var version in kind.Value.EnumerateObject())
        {
            var path = version.Value.GetString()!;
            if (!files.TryGetValue(path, out var schema))
                files[path] = schema = new Lazy<CompiledSchema>(() => Load(path));
            result[(kind.Name, version.Name)] = schema;
        }
        return result.ToFrozenDictionary();
    }

    private static CompiledSchema Load(string path)
    {
        using var document = Read(path);
        return CompiledSchema.Build(document.RootElement, new Uri(Base, path));
    }

    private static JsonDocument Read(string relativePath)
    {
        var assembly = typeof(SchemaRegistry).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourcePrefix + relativePath) ??
                           throw new InvalidDataException($"schema resource '{relativePath}' is not embedded");
        return JsonDocument.Parse(stream);
    }
}
