using Meshc.SchemaDerive;

namespace Meshc.Compiler.Tests.Tools.SchemaDerive;

/// <summary>The committed schemas/ is exactly what tools/SchemaDerive makes from the upstream CRDs (gen-check).</summary>
public sealed class SchemaDeriveTests
{
    [SharedFact("upstream/crds")]
    public void Derivation_FromUpstreamCrds_EqualsCommittedSchemas()
    {
        var crds = SharedMaterial.Path("upstream/crds");
        var committed = Path.Combine(RepositoryPaths.Root, "schemas");
        var temp = Directory.CreateTempSubdirectory("meshc-schemas-").FullName;
        try
        {
            Derivation.Write(Derivation.Run(crds, Path.Combine(committed, "kubernetes")), temp);
            var fresh = Files(temp);
            // Hand-written folders are indexed, not generated.
            var current = Files(committed)
                .Where(f => !f.StartsWith("kubernetes/", StringComparison.Ordinal) && !f.StartsWith("cilium-policy/", StringComparison.Ordinal))
                .ToList();
            Assert.Equal(current, fresh);
            var stale = fresh.Where(f => File.ReadAllText(Path.Combine(temp, f)) != File.ReadAllText(Path.Combine(committed, f))).ToList();
            Assert.True(stale.Count == 0, $"schemas/ is out of date ({string.Join(", ", stale)}); regenerate with: {Derivation.Command}");
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    private static List<string> Files(string root) =>
        [.. Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];
}
