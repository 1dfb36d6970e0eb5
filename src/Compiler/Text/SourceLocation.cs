namespace Meshc.Compiler.Text;

/// <summary>A 1-based position in an input file. Printed as <c>path:line:col</c>, the only position format meshc uses.</summary>
public readonly record struct SourceLocation(string Path, int Line, int Column) : IComparable<SourceLocation>
{
    /// <summary>For things no input declared (built-in defaults such as the <c>cilium</c> GatewayClass).</summary>
    public static readonly SourceLocation None = new("<built-in>", 0, 0);

    public bool IsNone => Line == 0;

    public override string ToString() => IsNone ? Path : $"{Path}:{Line}:{Column}";

    public int CompareTo(SourceLocation other)
    {
        var byPath = string.CompareOrdinal(Path, other.Path);
        if (byPath != 0) return byPath;
        return Line != other.Line ? Line.CompareTo(other.Line) : Column.CompareTo(other.Column);
    }
}
