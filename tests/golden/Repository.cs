namespace Meshc.Golden;

/// <summary>Where the repository and the golden cases are, found from the test's own location.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string CasesFolder => Path.Combine(Root, "tests", "golden", "cases");

    /// <summary>Every case folder, found by listing (never by a hand-kept list, which drifts).</summary>
    public static IEnumerable<GoldenCase> Cases() =>
        Directory.EnumerateDirectories(CasesFolder, "*", SearchOption.AllDirectories)
            .Where(d => !d.Split(Path.DirectorySeparatorChar).Contains("__snapshots__") && !d.Split(Path.DirectorySeparatorChar).Contains("__mismatch__"))
            .Where(GoldenCase.IsCaseFolder)
            .Order(StringComparer.Ordinal)
            .Select(d => new GoldenCase(d));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Compiler.sln"))) return dir.FullName;
        throw new InvalidOperationException("Compiler.sln not found above " + AppContext.BaseDirectory);
    }
}
