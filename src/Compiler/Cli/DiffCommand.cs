using System.CommandLine;

namespace Meshc.Compiler.Cli;

/// <summary>
/// <c>meshc diff old/ new/</c>: compares two bundle folders object by object (<see cref="DiffBundleReader"/>) and prints
/// what was added, removed and changed, with field-level changes. Exit 0 when identical, 1 when different, 2 on a
/// usage or I/O error (a folder that is not a bundle is one).
/// </summary>
public static class DiffCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var oldBundle = new Argument<string>("old") { Description = "the bundle folder to compare from" }.RejectingOptions();
        var newBundle = new Argument<string>("new") { Description = "the bundle folder to compare to" }.RejectingOptions();
        var diff = new Command("diff", "compare two bundles by object identity") { oldBundle, newBundle };
        diff.SetAction(r => Run(r.GetValue(oldBundle)!, r.GetValue(newBundle)!, stdout, stderr));
        return diff;
    }

    public static int Run(string oldFolder, string newFolder, TextWriter stdout, TextWriter stderr)
    {
        IReadOnlyDictionary<string, DiffObject> before, after;
        try
        {
            before = DiffBundleReader.Read(oldFolder);
            after = DiffBundleReader.Read(newFolder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"meshc: {e.Message}");
            return ExitCodes.UsageOrIo;
        }
        var (added, removed, changed) = (0, 0, 0);
        foreach (var id in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var (hasOld, hasNew) = (before.TryGetValue(id, out var o), after.TryGetValue(id, out var n));
            if (!hasOld) { stdout.WriteLine($"+ {id}"); added++; continue; }
            if (!hasNew) { stdout.WriteLine($"- {id}"); removed++; continue; }
            var fields = JsonDiff.Compare(o!.Content, n!.Content);
            if (fields.Count == 0) continue;
            stdout.WriteLine($"~ {id}");
            foreach (var field in fields) stdout.WriteLine($"    {field}");
            changed++;
        }
        if (added + removed + changed == 0)
        {
            stdout.WriteLine("no differences");
            return ExitCodes.Ok;
        }
        stdout.WriteLine($"{changed} changed, {added} added, {removed} removed");
        return ExitCodes.InputErrors;
    }
}
