using System.Text.Json.Nodes;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.FrontEnds.Dsl;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Tests.FrontEnds.Dsl;

/// <summary>Compiles DSL text held in memory and compares models the way the DSL promises: equal IR, positions aside.</summary>
internal static class DslTesting
{
    public static EmitResult Check(string text, string path = "test.dsl") =>
        Compilation.Create([new SourceText(path, text)]).Check();

    public static EmitResult Check(params SourceText[] sources) => Compilation.Create(sources).Check();

    /// <summary>The DSL front end alone (no passes, no back ends): the model it builds and what it reports.</summary>
    public static (MeshModel Model, IReadOnlyList<Diagnostic> Diagnostics) Read(string text, string path = "test.dsl")
    {
        var diagnostics = new DiagnosticBag();
        var builder = new MeshModelBuilder(diagnostics);
        var source = new SourceText(path, text);
        new DslFrontEnd([source], builder, diagnostics).Read(source);
        return (builder.Build(), diagnostics.ToImmutableSorted());
    }

    public static string Printed(IEnumerable<Diagnostic> diagnostics) => string.Join("\n", diagnostics.Select(d => d.ToString()));

    /// <summary>The diagnostics as printed, one per line.</summary>
    public static string Printed(EmitResult result) => string.Join("\n", result.Diagnostics.Select(d => d.ToString()));

    /// <summary>
    /// The model as IR JSON without positions, with each Envoy resource's JSON parsed, so two models read from
    /// different files (or languages) compare by content.
    /// </summary>
    public static string Normalize(MeshModel model, Action<JsonObject>? adjustEnvoyResource = null)
    {
        var root = JsonNode.Parse(IrSerializer.Write(model))!;
        Strip(root, adjustEnvoyResource);
        return root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    private static void Strip(JsonNode? node, Action<JsonObject>? adjust)
    {
        switch (node)
        {
            case JsonObject obj:
                // Positions: "origin", and named ones such as a BackendTLSPolicy's "validationOrigin".
                foreach (var key in obj.Select(p => p.Key).Where(k => k == "origin" || k.EndsWith("Origin", StringComparison.Ordinal)).ToList())
                    obj.Remove(key);
                if (obj["json"] is JsonValue v && v.TryGetValue<string>(out var json))
                {
                    var parsed = JsonNode.Parse(json)!.AsObject();
                    adjust?.Invoke(parsed);
                    obj["json"] = parsed;
                }
                foreach (var (_, child) in obj.ToList()) Strip(child, adjust);
                break;
            case JsonArray array:
                foreach (var child in array) Strip(child, adjust);
                break;
        }
    }

    public static IEnumerable<SourceText> Folder(string folder) =>
        Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => new SourceText(Path.GetRelativePath(RepositoryPaths.Root, f), System.IO.File.ReadAllText(f)));

    /// <summary>A repository file by its full path, so the imports it makes resolve wherever the tests run.</summary>
    public static SourceText File(string relative)
    {
        var full = Path.Combine(RepositoryPaths.Root, relative);
        return new SourceText(full, System.IO.File.ReadAllText(full));
    }
}
