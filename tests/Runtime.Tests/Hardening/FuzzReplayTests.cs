using Meshc.Fuzz;
using Meshc.Fuzz.Targets;
using Meshc.Runtime.Tests.Support;

namespace Meshc.Runtime.Tests.Hardening;

/// <summary>
/// The fuzz targets as ordinary tests: every input a fuzz run found a fault with (fuzz/regressions/&lt;target&gt;/) and
/// the whole seed corpus must go through its target without an exception. The coverage-guided runs themselves are
/// fuzz/run.sh, which ./test.sh runs for a bounded time.
/// </summary>
public sealed class FuzzReplayTests : IDisposable
{
    private readonly string _seeds = Directory.CreateTempSubdirectory("meshc-fuzz-seeds-").FullName;

    public void Dispose() => Directory.Delete(_seeds, recursive: true);

    public static TheoryData<string, string> Regressions()
    {
        var data = new TheoryData<string, string>();
        var folder = Path.Combine(RuntimeHarness.RepoRoot, "fuzz", "regressions");
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(Path.GetDirectoryName(file))!, Path.GetRelativePath(folder, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Regressions))]
    public void Regression_RunsClean(string target, string file)
    {
        Assert.True(FuzzTargets.All.ContainsKey(target), $"fuzz/regressions/{target} names no target");
        FuzzTargets.All[target](File.ReadAllBytes(Path.Combine(RuntimeHarness.RepoRoot, "fuzz", "regressions", file)));
    }

    [Fact]
    public void SeedCorpus_OfEveryTarget_RunsClean()
    {
        var shared = Path.Combine(RuntimeHarness.RepoRoot, "..", "shared");
        Assert.Equal(0, Seeds.Write(RuntimeHarness.RepoRoot, Directory.Exists(Path.Combine(shared, "upstream")) ? shared : null, _seeds, TextWriter.Null));
        foreach (var (target, run) in FuzzTargets.All)
        {
            var files = Directory.GetFiles(Path.Combine(_seeds, target));
            Assert.NotEmpty(files);
            foreach (var file in files) run(File.ReadAllBytes(file));
        }
    }
}
