using System.Text.Json.Nodes;
using Meshc.Compiler.BackEnds.Kubernetes;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.FrontEnds;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Tests.BackEnds.Kubernetes;

/// <summary>Compiles inputs with <c>--emit k8s</c> and reads the manifests back.</summary>
internal static class ManifestFixture
{
    public static string Example(string name) => Path.Combine(RepositoryPaths.Root, "examples", name);

    public static IReadOnlyList<SourceText> Load(params string[] paths)
    {
        var diagnostics = new DiagnosticBag();
        var sources = SourceLoader.Load(paths, diagnostics);
        Assert.False(diagnostics.HasErrors);
        return sources;
    }

    /// <summary>The k8s/ files of the bundle (path → text); fails the test when the compilation has errors.</summary>
    public static IReadOnlyDictionary<string, string> Compile(IEnumerable<SourceText> sources)
    {
        var result = Compilation.Create(sources).Emit(EmitTargets.K8s);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return result.Bundle!.Files
            .Where(f => f.Path.StartsWith(KubernetesBackEnd.Folder, StringComparison.Ordinal))
            .ToDictionary(f => f.Path, f => System.Text.Encoding.UTF8.GetString(f.Content));
    }

    public static JsonObject Read(IReadOnlyDictionary<string, string> files, string path)
    {
        Assert.True(files.ContainsKey(path), $"{path} not among {string.Join(", ", files.Keys)}");
        return Assert.Single(ManifestYaml.Parse(files[path])).AsObject();
    }

    public static SourceText Yaml(string path, string text) => new(path, text);
}
