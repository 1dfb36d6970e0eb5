using Meshc.Compiler.Text;

namespace Meshc.Compiler.Tests.Passes;

/// <summary>
/// The upstream inputs in shared/upstream (beside the repository): the Gateway API conformance manifests and Cilium's
/// reconciler test inputs. Each case compiles together with its corpus' base, as upstream loads them.
/// </summary>
internal static class UpstreamCorpus
{
    public const string Conformance = "conformance";
    public const string Cilium = "cilium";

    private static readonly Lazy<string> Root = new(FindRoot);

    public static string ConformanceDir => Path.Combine(Root.Value, "gateway-api-conformance", "v1.6.1", "manifests");
    public static string CiliumDir => Path.Combine(Root.Value, "cilium-gateway-testdata");
    public static string CiliumGammaDir => Path.Combine(Root.Value, "cilium-gamma-testdata");

    /// <summary>One case of Cilium's GAMMA reconciler inputs with their base Services.</summary>
    public static IEnumerable<SourceText> CiliumGammaSources(string name) =>
        new[] { Path.Combine(CiliumGammaDir, "base"), Path.Combine(CiliumGammaDir, name) }
            .SelectMany(d => Directory.EnumerateFiles(d, "*.yaml").Order(StringComparer.Ordinal))
            .Select(f => new SourceText(Relative(f), File.ReadAllText(f)));

    /// <summary>Conformance test file names (without .yaml).</summary>
    public static IEnumerable<string> ConformanceCases() =>
        Directory.EnumerateFiles(Path.Combine(ConformanceDir, "tests"), "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    /// <summary>Cilium case folder names.</summary>
    public static IEnumerable<string> CiliumCases() =>
        Directory.EnumerateDirectories(CiliumDir).Select(Path.GetFileName).Where(n => n != "base").Order(StringComparer.Ordinal)!;

    /// <summary>Compiles one case of a corpus with that corpus' base.</summary>
    public static Compilation Compile(string corpus, string name) =>
        Compilation.Create(corpus == Conformance ? ConformanceSources(name) : CiliumSources(name));

    // The conformance manifests leave the class and controller as placeholders for the implementation to fill in.
    private static IEnumerable<SourceText> ConformanceSources(string name) =>
        new[] { Path.Combine(ConformanceDir, "base", "manifests.yaml"), Path.Combine(ConformanceDir, "tests", name + ".yaml") }
            .Select(f => new SourceText(Relative(f), File.ReadAllText(f)
                .Replace("{GATEWAY_CLASS_NAME}", "cilium", StringComparison.Ordinal)
                .Replace("{GATEWAY_CONTROLLER_NAME}", "io.cilium/gateway-controller", StringComparison.Ordinal)));

    private static IEnumerable<SourceText> CiliumSources(string name) =>
        new[] { Path.Combine(CiliumDir, "base"), Path.Combine(CiliumDir, name) }
            .SelectMany(d => Directory.EnumerateFiles(d, "*.yaml").Order(StringComparer.Ordinal))
            .Select(f => new SourceText(Relative(f), File.ReadAllText(f)));

    private static string Relative(string file) => Path.GetRelativePath(Root.Value, file).Replace('\\', '/');

    /// <summary>The corpus' folder under ../shared.</summary>
    public const string SharedFolder = "upstream";

    private static string FindRoot() => SharedMaterial.Path(SharedFolder);
}
