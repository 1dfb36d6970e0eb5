using Meshc.Tests;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.FrontEnds;

namespace Meshc.Compiler.Tests.Parity;

/// <summary>
/// Every case folder of Cilium's Gateway API reconciler test (../shared/upstream/cilium-gateway-testdata), compiled
/// with its base/ as upstream loads them, produces a bundle, and for each Gateway Cilium's test reconciles its facts
/// (<see cref="ParityFacts"/>) are exactly those in <c>cilium-gateway-testdata.facts</c>: read from Cilium's expected
/// outputs, and where meshc deliberately differs, meshc's value with the row of docs/cilium-parity.md that says why.
/// Upstream runs without LB IPAM (no address is ever assigned), hence <c>--lb-pool none</c>.
/// </summary>
public sealed class CiliumParityTests
{
    private const string Folder = "upstream/cilium-gateway-testdata";

    private static readonly string FactsFile = Path.Combine(RepositoryPaths.Root, "tests", "Compiler.Tests", "Parity", "cilium-gateway-testdata.facts");

    /// <summary>The expected facts per case: subject → value (the text before a '#' comment).</summary>
    private static readonly Lazy<Dictionary<string, SortedDictionary<string, string>>> Expected = new(Read);

    public static TheoryData<string> Cases() => [.. Expected.Value.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void FactsFile_CoversEveryCaseFolder()
    {
        if (SharedMaterial.MissingReason(Folder) is not null) return; // the theory below reports the skip
        var root = SharedMaterial.Path(Folder);
        var folders = Directory.GetDirectories(root).Select(Path.GetFileName).Where(f => f != "base").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(77, folders.Count);
        Assert.Equal(folders, Expected.Value.Keys.Order(StringComparer.Ordinal));
    }

    [SharedTheory(Folder)]
    [MemberData(nameof(Cases))]
    public void CaseFolder_CompilesWithBase_ToCiliumsFacts(string name)
    {
        var root = SharedMaterial.Path(Folder);
        var load = new DiagnosticBag();
        var sources = SourceLoader.Load([Path.Combine(root, "base"), Path.Combine(root, name)], load);
        Assert.False(load.HasErrors, string.Join("\n", load.ToImmutableSorted()));
        var result = Compilation.Create(sources, CompilationOptions.Default with { LoadBalancerIpam = false }).Emit(EmitTargets.Default);
        Assert.True(result.Bundle is not null, $"{name}: no bundle:\n" + string.Join("\n", result.Diagnostics));

        var expected = Expected.Value[name];
        var gateways = expected.Keys.Where(k => k.StartsWith("gateway ", StringComparison.Ordinal)).Select(k => k["gateway ".Length..]).ToList();
        var actual = ParityFacts.Of(result, gateways);
        actual["bundle"] = "written";
        var wrong = expected.Keys.Union(actual.Keys)
            .Where(k => expected.GetValueOrDefault(k, "absent") != actual.GetValueOrDefault(k, "absent"))
            .Select(k => $"{k}\n    expected {expected.GetValueOrDefault(k, "absent")}\n    actual   {actual.GetValueOrDefault(k, "absent")}")
            .ToList();
        Assert.True(wrong.Count == 0, $"{name}: {wrong.Count} facts differ:\n" + string.Join("\n", wrong));
    }

    private static Dictionary<string, SortedDictionary<string, string>> Read()
    {
        var cases = new Dictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var raw in File.ReadLines(FactsFile))
        {
            var line = raw.Split('#')[0].Trim();
            if (line.Length == 0) continue;
            var fields = line.Split('|', 3, StringSplitOptions.TrimEntries);
            if (fields.Length != 3) throw new FormatException($"{FactsFile}: '{raw}' is not 'case | subject | value'");
            if (!cases.TryGetValue(fields[0], out var facts)) cases[fields[0]] = facts = new(StringComparer.Ordinal);
            // "absent" states that meshc, unlike Cilium, has no such fact: it takes part in the comparison as missing.
            if (fields[2] != "absent") facts.Add(fields[1], fields[2]);
        }
        return cases;
    }
}
