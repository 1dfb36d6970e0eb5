using System.Collections.Concurrent;
using System.Text.Json;
using Json.Schema;

namespace Meshc.Compiler.Schemas;

/// <summary>
/// One schema built by JsonSchema.Net, with the JSON it was built from (the findings quote its keywords: allowed
/// values, bounds, property names for "did you mean"). Immutable, so one instance serves every thread.
/// </summary>
internal sealed class CompiledSchema
{
    private readonly ConcurrentDictionary<string, Lazy<CompiledSchema?>> _members = new(StringComparer.Ordinal);

    private CompiledSchema(JsonSchema schema, JsonElement document, Uri id)
    {
        Schema = schema;
        Document = document;
        Id = id;
    }

    public JsonSchema Schema { get; }

    /// <summary>The schema's own JSON (a clone, independent of any document's lifetime).</summary>
    public JsonElement Document { get; }

    public Uri Id { get; }

    /// <summary>Builds a schema; <paramref name="id"/> names it in the library's registry and in errors.</summary>
    public static CompiledSchema Build(JsonElement document, Uri id)
    {
        var owned = document.Clone();
        return new CompiledSchema(JsonSchema.Build(owned, SchemaDialect.BuildOptions(), id), owned, id);
    }

    public static CompiledSchema Parse(string json, Uri id)
    {
        using var document = JsonDocument.Parse(json);
        return Build(document.RootElement, id);
    }

    /// <summary>The schema of one top-level property (a status patch is checked against <c>status</c> alone), built once; null when there is none.</summary>
    public CompiledSchema? Property(string name) => _members.GetOrAdd(name, n => new Lazy<CompiledSchema?>(() =>
        Document.TryGetProperty("properties", out var properties) && properties.TryGetProperty(n, out var member)
            ? Build(member, new Uri(Id, $"{Id.AbsolutePath}/properties/{n}"))
            : null)).Value;
}
