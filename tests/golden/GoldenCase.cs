using Meshc.Compiler.Text;

namespace Meshc.Golden;

/// <summary>
/// One golden case: a folder under tests/golden/cases holding its inputs (*.yaml, *.dsl) and, optionally,
/// <c>sources.txt</c> naming more inputs by path from the repository root (used to share examples/), and
/// <c>options.txt</c> with the address flags of <c>meshc compile</c> (<c>--lb-pool</c>, <c>--service-cidr</c>).
/// Its snapshots live in the folder's <c>__snapshots__</c>.
/// </summary>
public sealed class GoldenCase
{
    private static readonly string[] InputExtensions = [".yaml", ".yml", ".dsl"];

    public GoldenCase(string folder) => Folder = folder;

    public string Folder { get; }

    /// <summary>The case's name: its path below cases/, with forward slashes.</summary>
    public string Name => Path.GetRelativePath(Repository.CasesFolder, Folder).Replace('\\', '/');

    public string SnapshotFolder => Path.Combine(Folder, "__snapshots__");

    /// <summary>Inputs, with display paths relative to the case folder (or to the repository for sources.txt entries).</summary>
    public IReadOnlyList<SourceText> LoadSources()
    {
        var sources = Directory.EnumerateFiles(Folder)
            .Where(IsInput)
            .Order(StringComparer.Ordinal)
            .Select(f => new SourceText(Path.GetFileName(f), File.ReadAllText(f)))
            .ToList();
        var list = Path.Combine(Folder, "sources.txt");
        if (File.Exists(list))
        {
            foreach (var line in File.ReadAllLines(list).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
            {
                var full = Path.Combine(Repository.Root, line);
                var files = Directory.Exists(full)
                    ? Directory.EnumerateFiles(full).Where(IsInput).Order(StringComparer.Ordinal).AsEnumerable()
                    : new[] { full }.AsEnumerable();
                sources.AddRange(files.Select(f => new SourceText(Path.GetRelativePath(Repository.Root, f).Replace('\\', '/'), File.ReadAllText(f))));
            }
        }
        return sources;
    }

    /// <summary>The compilation options: the defaults, with the flags of <c>options.txt</c> when the case has one.</summary>
    public Meshc.Compiler.CompilationOptions LoadOptions()
    {
        var file = Path.Combine(Folder, "options.txt");
        if (!File.Exists(file)) return Meshc.Compiler.CompilationOptions.Default;
        var words = File.ReadAllText(file).Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string? Flag(string name) => words.SkipWhile(w => w != name).Skip(1).FirstOrDefault();
        var (options, error) = Meshc.Compiler.Cli.AddressOptions.Apply(Meshc.Compiler.CompilationOptions.Default, Flag("--lb-pool"), Flag("--service-cidr"));
        return options ?? throw new InvalidDataException($"{file}: {error}");
    }

    public static bool IsCaseFolder(string folder) =>
        Directory.EnumerateFiles(folder).Any(f => IsInput(f) || Path.GetFileName(f) == "sources.txt");

    private static bool IsInput(string file) => InputExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase);

    public override string ToString() => Name;
}
