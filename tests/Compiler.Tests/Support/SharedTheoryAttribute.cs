namespace Meshc.Compiler.Tests;

/// <summary>A theory reported as skipped, with the reason, where a folder of ../shared it reads is absent.</summary>
public sealed class SharedTheoryAttribute : TheoryAttribute
{
    public SharedTheoryAttribute(string folder)
    {
        var path = RepositoryPaths.Shared is { } shared ? Path.Combine(shared, folder) : null;
        if (path is null || !Directory.Exists(path)) Skip = $"../shared/{folder} is absent on this machine";
    }
}
