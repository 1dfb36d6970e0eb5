namespace Meshc.Compiler.Tests;

/// <summary>The repository's root, found from the test's location (the shared material beside it: <see cref="SharedMaterial"/>).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Compiler.sln"))) return dir.FullName;
        throw new InvalidOperationException("Compiler.sln not found above " + AppContext.BaseDirectory);
    }
}
