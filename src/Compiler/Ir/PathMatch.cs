using Meshc.Compiler.Text;

namespace Meshc.Compiler.Ir;

/// <summary>A path condition. Prefix matches whole path segments, as the Gateway API's PathPrefix does.</summary>
public sealed record PathMatch(PathMatchKind Kind, string Value, SourceLocation Origin) : IHasOrigin;

public enum PathMatchKind { Exact, Prefix, Regex }
