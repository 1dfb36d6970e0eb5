namespace Meshc.Compiler.Tests;

/// <summary>Paths of the repository and of the shared material beside it, found from the test's location.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The shared/ folder beside the checkout (read-only inputs); null where it is absent.</summary>
    public static string? Shared => Directory.Exists(Path.Combine(Root, "..", "shared")) ? Path.GetFullPath(Path.Combine(Root, "..", "shared")) : null;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Compiler.sln"))) return dir.FullName;
        throw new InvalidOperationException("Compiler.sln not found above " + AppContext.BaseDirectory);
    }
}
