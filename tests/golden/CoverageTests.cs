using Meshc.Compiler.Diagnostics;

namespace Meshc.Golden;

/// <summary>Keeps the golden suite honest: no orphan snapshots, and every diagnostic code shown by at least one case.</summary>
public sealed class CoverageTests
{
    /// <summary>Codes no golden case can show, each with the reason and where it is tested instead.</summary>
    private static readonly Dictionary<string, string> Exempt = new()
    {
        ["MC0501"] = "CLI file loading (the harness reads files itself): tests/Compiler.Tests/Cli",
        ["MC0502"] = "an unreadable file needs file permissions the harness cannot set portably: SourceLoader",
        ["MC0503"] = "CLI folder listing: tests/Compiler.Tests/Cli",
        ["MC0504"] = "CLI output writing: tests/Compiler.Tests/Cli",
        ["MC0505"] = "input files over 16 MiB are refused by the CLI's file loading: tests/Compiler.Tests/Hardening/InputFileTests",
        ["MC0506"] = "FIFOs and devices as inputs need the CLI's file loading: tests/Compiler.Tests/Hardening/InputFileTests",
        ["MC0902"] = "the command line's last resort for a fault in meshc; no input may reach it: tests/Compiler.Tests/Hardening/LastResortTests",
        ["MC0401"] = "reported only if meshc itself generates invalid Envoy config (a compiler bug guard)",
        ["MC0430"] = "needs more listeners than the proxy port range holds: tests/Compiler.Tests/BackEnds/Xds/Agent",
        ["MC0450"] = "needs a policy map over 16,384 entries; BPF output is not a golden target: tests/Compiler.Tests/BackEnds/Bpf",
        ["MC0451"] = "needs over 65,536 load-balancer entries: tests/Compiler.Tests/BackEnds/Bpf",
        ["MC0452"] = "needs over 512,000 ipcache entries: tests/Compiler.Tests/BackEnds/Bpf",
        ["MC0453"] = "reported only when the BPF target is emitted, which goldens do not: tests/Compiler.Tests/BackEnds/Bpf",
        ["MC0901"] = "internal compiler errors must not be reachable from any input",
        ["MC0440"] = "a generated manifest breaking its schema is a meshc bug; no input may reach it (tests check every emitted manifest)",
    };

    [Fact]
    public void EveryCode_AppearsInSomeGoldenCase_OrIsExemptWithReason()
    {
        var shown = Repository.Cases()
            .Select(c => Path.Combine(c.SnapshotFolder, "diagnostics.snap"))
            .Where(File.Exists)
            .SelectMany(File.ReadAllLines)
            .SelectMany(line => System.Text.RegularExpressions.Regex.Matches(line, @" (MC\d{4}): ").Select(m => m.Groups[1].Value))
            .ToHashSet();
        var missing = DiagnosticCatalog.All.Select(d => d.Code.Value)
            .Where(code => !shown.Contains(code) && !Exempt.ContainsKey(code))
            .ToList();
        Assert.True(missing.Count == 0, "codes with no golden case: " + string.Join(", ", missing));
        Assert.All(Exempt.Keys, code => Assert.NotNull(DiagnosticCatalog.Find(code)));
    }

    [Fact]
    public void EverySnapshotFolder_BelongsToACase()
    {
        var orphans = Directory.EnumerateDirectories(Repository.CasesFolder, "__snapshots__", SearchOption.AllDirectories)
            .Where(d => !GoldenCase.IsCaseFolder(Path.GetDirectoryName(d)!))
            .ToList();
        Assert.True(orphans.Count == 0, "snapshots without a case: " + string.Join(", ", orphans));
    }

    [Fact]
    public void EveryCase_SaysWhatItProves()
    {
        var silent = Repository.Cases()
            .Where(c => !Directory.EnumerateFiles(c.Folder).Where(f => f.EndsWith(".yaml") || f.EndsWith(".dsl") || f.EndsWith("sources.txt"))
                .Any(f => File.ReadLines(f).Take(5).Any(l => l.TrimStart('#', ' ', '/').StartsWith("Proves:", StringComparison.Ordinal))))
            .Select(c => c.Name)
            .ToList();
        Assert.True(silent.Count == 0, "cases without a '# Proves:' line: " + string.Join(", ", silent));
    }
}
