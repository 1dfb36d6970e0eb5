using Meshc.Runtime.Cli;
using Meshc.Runtime.Tests.Support;

namespace Meshc.Runtime.Tests.RouteTests;

/// <summary>Runs <c>meshc test</c> in-process, with test files written to a temporary folder the instance removes.</summary>
internal sealed class RouteTestCli : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "meshc-route-tests", Guid.NewGuid().ToString("N"));

    public RouteTestCli() => Directory.CreateDirectory(_folder);

    public static string Example(string name) => Path.Combine(RuntimeHarness.RepoRoot, "examples", name);

    /// <summary>Writes <paramref name="text"/> as <paramref name="name"/> in the temporary folder and returns its path.</summary>
    public string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    public string PathOf(string name) => Path.Combine(_folder, name);

    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = TestCommand.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
