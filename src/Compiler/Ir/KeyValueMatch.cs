using Meshc.Compiler.Text;

namespace Meshc.Compiler.Ir;

/// <summary>A header or query-parameter condition: name and exact value or regular expression.</summary>
public sealed record KeyValueMatch(StringMatchKind Kind, string Name, string Value, SourceLocation Origin) : IHasOrigin;

public enum StringMatchKind { Exact, Regex }
