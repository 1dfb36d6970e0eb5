using Meshc.Compiler;
using Snapshooter;
using Snapshooter.Xunit;

namespace Meshc.Golden;

/// <summary>
/// Compiles every case under tests/golden/cases and matches its outputs against the snapshots beside it.
/// <c>UPDATE_GOLDEN=1 dotnet test</c> deletes and rewrites them (read the diff like code before committing);
/// CI sets <c>SNAPSHOOTER_STRICT_MODE=on</c>, so a missing snapshot fails instead of being written.
/// </summary>
public sealed class GoldenTests
{
    static GoldenTests()
    {
        // Outside update mode a missing snapshot is a failure, never silently written.
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") != "1")
            Environment.SetEnvironmentVariable("SNAPSHOOTER_STRICT_MODE", "on");
    }

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Repository.Cases()) data.Add(c.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_Compiles_MatchesSnapshots(string name)
    {
        var @case = new GoldenCase(Path.Combine(Repository.CasesFolder, name));
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1" && Directory.Exists(@case.SnapshotFolder))
            Directory.Delete(@case.SnapshotFolder, recursive: true);

        var result = Compilation.Create(@case.LoadSources(), @case.LoadOptions()).Emit(GoldenOutputs.Targets);
        var outputs = GoldenOutputs.From(result);
        if (result.Bundle is { } bundle)
        {
            // Every emitted xDS file must be one a real Envoy accepts: strict parse plus its validation rules.
            var problems = XdsStrictCheck.Problems(bundle);
            Assert.True(problems.Count == 0, $"{name}: xDS Envoy would reject:\n" + string.Join("\n", problems));
        }

        foreach (var output in GoldenOutputs.Names)
        {
            var file = $"{output}.snap";
            if (outputs.TryGetValue(output, out var value))
                // Snapshooter appends __snapshots__ to the folder it is given.
                Snapshot.Match(value, new SnapshotFullName(file, @case.Folder));
            else
                Assert.False(File.Exists(Path.Combine(@case.SnapshotFolder, file)),
                    $"{name}: {file} is stale: this compilation produced no {output} (errors: {result.HasErrors})");
        }
    }
}
