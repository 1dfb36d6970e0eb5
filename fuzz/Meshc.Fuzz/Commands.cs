using Meshc.Fuzz.Targets;
using SharpFuzz;

namespace Meshc.Fuzz;

/// <summary>The commands of meshc-fuzz (see Program.cs).</summary>
internal static class Commands
{
    /// <summary>The assemblies whose code is instrumented: meshc's own, and the YAML parser it trusts with every input.</summary>
    private static readonly string[] Instrumented = ["meshc.dll", "Meshc.Runtime.dll", "Meshc.Policy.dll", "YamlDotNet.dll"];

    public static int Run(string target)
    {
        if (!FuzzTargets.All.TryGetValue(target, out var run)) return Unknown(target, Console.Error);
        // Out of process: a crash that takes the process down (a stack overflow) is reported as a crash, not the end.
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            run(buffer.ToArray());
        });
        return 0;
    }

    public static int Replay(string target, IEnumerable<string> paths, TextWriter output)
    {
        if (!FuzzTargets.All.TryGetValue(target, out var run)) return Unknown(target, Console.Error);
        var failed = 0;
        var files = paths.SelectMany<string, string>(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : new[] { p });
        foreach (var file in files)
        {
            try
            {
                run(File.ReadAllBytes(file));
            }
            catch (Exception e)
            {
                failed++;
                output.WriteLine($"{file}: {e.GetType().Name}: {e.Message}");
            }
        }
        return failed == 0 ? 0 : 1;
    }

    public static int Instrument(string folder, TextWriter output)
    {
        foreach (var name in Instrumented)
        {
            var path = Path.Combine(folder, name);
            var types = Fuzzer.Instrument(path, _ => true, Options.Value).Count();
            output.WriteLine($"instrumented {path} ({types} types)");
        }
        return 0;
    }

    public static int Usage(TextWriter error)
    {
        error.WriteLine("usage: meshc-fuzz run <target> | replay <target> <path>... | instrument <folder> | seeds <repo> <shared|-> <out>");
        error.WriteLine($"targets: {string.Join(", ", FuzzTargets.All.Keys)}");
        return 2;
    }

    private static int Unknown(string target, TextWriter error)
    {
        error.WriteLine($"meshc-fuzz: unknown target '{target}' (targets: {string.Join(", ", FuzzTargets.All.Keys)})");
        return 2;
    }
}
