namespace Meshc.Compiler.Tests.Graph;

/// <summary>
/// A fact that runs a program from Debian (Graphviz's <c>dot</c>, <c>chromium</c>): skipped, with the reason, where it
/// is not on PATH. CI installs them (<c>.ci/run</c>) and sets <c>MESHC_REQUIRE_TOOLS=1</c>, so there they must run.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(params string[] tools)
    {
        if (Environment.GetEnvironmentVariable("MESHC_REQUIRE_TOOLS") == "1") return;
        var missing = tools.Where(t => Tools.Find(t) is null).ToList();
        if (missing.Count > 0) Skip = $"needs {string.Join(" and ", missing)} on PATH (Debian: apt-get install {string.Join(" ", missing.Select(Tools.Package))})";
    }
}

/// <summary>Finds the programs the graph tests run.</summary>
internal static class Tools
{
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    public static string Package(string tool) => tool == "dot" ? "graphviz" : tool;
}
