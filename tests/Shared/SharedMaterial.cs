namespace Meshc.Tests;

/// <summary>
/// The reference material and upstream test inputs kept beside a checkout, in <c>../shared</c>. A fresh clone elsewhere
/// has none: the tests that read it are then skipped with the reason (<see cref="SharedFactAttribute"/>), and the rest
/// of the suite still runs. CI must run everything, so <c>.ci/run</c> sets <c>MESHC_REQUIRE_SHARED=1</c>: then a
/// missing folder fails those tests instead of skipping them.
/// </summary>
public static class SharedMaterial
{
    private static readonly Lazy<string?> Found = new(FindRoot);

    /// <summary>The full path of ../shared beside the repository, or null where it is absent.</summary>
    public static string? Root => Found.Value;

    /// <summary>Whether absence is a failure rather than a reason to skip (CI).</summary>
    public static bool Required => Environment.GetEnvironmentVariable("MESHC_REQUIRE_SHARED") == "1";

    /// <summary>Why a test needing <paramref name="relative"/> cannot run here, or null when it can.</summary>
    public static string? MissingReason(string relative)
    {
        if (Required) return null;
        if (Root is null) return $"needs ../shared/{relative}; ../shared is absent beside this checkout";
        return Exists(System.IO.Path.Combine(Root, relative)) ? null : $"needs ../shared/{relative}, which is absent";
    }

    /// <summary>The full path of a shared file or folder; throws (failing the test) when it is absent.</summary>
    public static string Path(string relative)
    {
        var path = Root is null ? null : System.IO.Path.Combine(Root, relative);
        if (path is null || !Exists(path))
            throw new DirectoryNotFoundException($"../shared/{relative} is absent" +
                (Required ? " and MESHC_REQUIRE_SHARED=1 (CI) requires it" : "; mark the test [SharedFact] or [SharedTheory] so it is skipped"));
        return path;
    }

    private static bool Exists(string path) => Directory.Exists(path) || File.Exists(path);

    private static string? FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(System.IO.Path.Combine(dir.FullName, "Compiler.sln"))) continue;
            var shared = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared"));
            return Directory.Exists(shared) ? shared : null;
        }
        return null;
    }
}

/// <summary>A fact that reads ../shared/<c>relative</c>: skipped, with the reason, where that is absent (and not in CI).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute(string relative)
    {
        if (SharedMaterial.MissingReason(relative) is { } reason) Skip = reason;
    }
}

/// <summary>A theory that reads ../shared/<c>relative</c>: skipped, with the reason, where that is absent (and not in CI).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedTheoryAttribute : TheoryAttribute
{
    public SharedTheoryAttribute(string relative)
    {
        if (SharedMaterial.MissingReason(relative) is { } reason) Skip = reason;
    }
}
