namespace Meshc.Compiler.Text;

/// <summary>One input file: the path shown in diagnostics and its whole text.</summary>
public sealed record SourceText(string Path, string Text)
{
    /// <summary>SHA-256 of the UTF-8 text, lower-case hex; recorded in the bundle so a reader knows what was compiled.</summary>
    public string Sha256 => Hashing.Sha256Hex(System.Text.Encoding.UTF8.GetBytes(Text));

    public SourceKind Kind =>
        Path.EndsWith(".dsl", StringComparison.OrdinalIgnoreCase) ? SourceKind.Dsl : SourceKind.Yaml;
}

/// <summary>Which front end reads a source.</summary>
public enum SourceKind { Yaml, Dsl }
