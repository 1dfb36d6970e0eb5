using Meshc.Compiler;
using Meshc.Compiler.FrontEnds;
using Meshc.Compiler.Text;
using Meshc.Fuzz.Targets;

namespace Meshc.Fuzz;

/// <summary>
/// The seed corpus of each target, made from the repository's examples and golden inputs and, when present, the
/// upstream manifests in ../shared: YAML and DSL files as they are, CiliumEnvoyConfigs from the inputs and from the
/// manifests meshc writes for Gateways, and bundles compiled from the examples. Small files only, as afl-fuzz wants.
/// </summary>
internal static class Seeds
{
    private const int MaxSeedBytes = 16 * 1024;

    // A bundle holds its xDS several times over (aggregate and per-resource files): even a small one is larger.
    private const int MaxBundleSeedBytes = 96 * 1024;
    private const int MaxSeeds = 60;

    public static int Write(string repo, string? shared, string output, TextWriter log)
    {
        var yaml = Files(repo, shared, ".yaml", ".yml");
        var dsl = Files(repo, shared, ".dsl");
        var seeds = new Dictionary<string, List<byte[]>>
        {
            ["yaml"] = [.. yaml.Select(File.ReadAllBytes)],
            ["dsl"] = [.. dsl.Select(File.ReadAllBytes)],
            ["cec"] = [.. yaml.Select(File.ReadAllBytes).Where(IsEnvoyConfig).Concat(GatewayEnvoyConfigs(repo))],
            ["bundle"] = [.. Bundles(repo)],
        };
        foreach (var (target, list) in seeds)
        {
            var folder = Path.Combine(output, target);
            Directory.CreateDirectory(folder);
            // Distinct and small, smallest first, so the corpus is quick to calibrate; capped in number.
            var max = target == "bundle" ? MaxBundleSeedBytes : MaxSeedBytes;
            var kept = list.Where(s => s.Length > 0 && s.Length <= max).DistinctBy(s => Convert.ToHexString(s)).OrderBy(s => s.Length).Take(MaxSeeds).ToList();
            for (var i = 0; i < kept.Count; i++) File.WriteAllBytes(Path.Combine(folder, $"seed-{i:D3}"), kept[i]);
            log.WriteLine($"{target}: {kept.Count} seeds");
            if (kept.Count == 0) return 1;
        }
        return 0;
    }

    private static List<string> Files(string repo, string? shared, params string[] extensions)
    {
        IEnumerable<string> roots = [Path.Combine(repo, "examples"), Path.Combine(repo, "tests", "golden", "cases")];
        if (shared is not null) roots = roots.Append(Path.Combine(shared, "upstream")).Append(Path.Combine(shared, "scenarios"));
        return [.. roots.Where(Directory.Exists)
            .SelectMany(r => Directory.EnumerateFiles(r, "*", SearchOption.AllDirectories))
            .Where(f => extensions.Contains(Path.GetExtension(f), StringComparer.Ordinal) && !f.Contains("__snapshots__", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];
    }

    private static bool IsEnvoyConfig(byte[] file)
    {
        var text = FuzzTargets.Text(file);
        return text.Contains("kind: CiliumEnvoyConfig", StringComparison.Ordinal) || text.Contains("kind: CiliumClusterwideEnvoyConfig", StringComparison.Ordinal);
    }

    private static IEnumerable<SourceText> Example(string folder) =>
        SourceLoader.Load([folder], new Compiler.Diagnostics.DiagnosticBag());

    private static IEnumerable<string> ExampleInputs(string repo) =>
        Directory.EnumerateFileSystemEntries(Path.Combine(repo, "examples")).Order(StringComparer.Ordinal);

    /// <summary>The CiliumEnvoyConfigs meshc writes for the examples' Gateways: the shape Cilium's operator makes.</summary>
    private static IEnumerable<byte[]> GatewayEnvoyConfigs(string repo) =>
        ExampleInputs(repo)
            .Select(input => Compilation.Create(Example(input)).Emit(EmitTargets.K8s).Bundle)
            .OfType<Compiler.Bundle.CompiledBundle>()
            .SelectMany(b => b.Files)
            .Where(f => f.Path.Contains("ciliumenvoyconfig", StringComparison.Ordinal))
            .Select(f => f.Content);

    /// <summary>Bundles of the examples and of the golden cases that compile on their own, policy section included.</summary>
    private static IEnumerable<byte[]> Bundles(string repo) =>
        ExampleInputs(repo)
            .Concat(Directory.EnumerateDirectories(Path.Combine(repo, "tests", "golden", "cases"), "*", SearchOption.AllDirectories)
                .Where(d => !d.Contains("__snapshots__", StringComparison.Ordinal) && Directory.EnumerateFiles(d, "*.yaml").Any())
                .Order(StringComparer.Ordinal))
            .Select(input => Compilation.Create(Example(input)).Emit(EmitTargets.Default | EmitTargets.Bpf).Bundle)
            .OfType<Compiler.Bundle.CompiledBundle>()
            .Select(b => BundleTarget.Pack(b.Files.Select(f => (f.Path, f.Content))));
}
