using Meshc.Compiler.Text;
using Meshc.Runtime.Tests.Support;

namespace Meshc.Runtime.Tests.Conformance;

/// <summary>
/// The upstream Gateway API conformance manifests (base + one test's file), read at test time from shared/upstream
/// beside the repository. They are inputs, never copied into the repository; where they are absent the tests that
/// read them are skipped (<see cref="SharedFolder"/> in their [SharedFact]/[SharedTheory]).
/// </summary>
internal static class ConformanceManifests
{
    public const string Version = "v1.6.1";

    /// <summary>The manifests' folder under ../shared.</summary>
    public const string SharedFolder = "upstream/gateway-api-conformance/" + Version + "/manifests";

    /// <summary>../shared/upstream/gateway-api-conformance/&lt;version&gt;/manifests.</summary>
    public static string Root => SharedMaterial.Path(SharedFolder);

    /// <summary>The base manifests and tests/&lt;test&gt;.yaml, with the class and controller placeholders filled in as Cilium would.</summary>
    public static IReadOnlyList<SourceText> Load(string test) => Load(test, yaml => yaml);

    /// <summary>As <see cref="Load(string)"/>, with the test's file edited first (as the suite's applier edits it).</summary>
    public static IReadOnlyList<SourceText> Load(string test, Func<string, string> edit)
    {
        var root = Root;
        var files = new[] { Path.Combine(root, "base", "manifests.yaml"), Path.Combine(root, "tests", test + ".yaml") };
        foreach (var file in files)
            if (!File.Exists(file)) throw new FileNotFoundException($"conformance manifest {file} is missing", file);
        return files.Select((f, i) => new SourceText(Path.GetRelativePath(root, f).Replace('\\', '/'), (i == 0 ? File.ReadAllText(f) : edit(File.ReadAllText(f)))
                .Replace("{GATEWAY_CLASS_NAME}", "cilium", StringComparison.Ordinal)
                .Replace("{GATEWAY_CONTROLLER_NAME}", "io.cilium/gateway-controller", StringComparison.Ordinal)))
            .ToList();
    }
}
