using Meshc.Compiler.Text;

namespace Meshc.Compiler.Ir;

/// <summary>A GRPCRoute method condition: service and/or method, exact or regular expression.</summary>
public sealed record GrpcMethodMatch(StringMatchKind Kind, string? Service, string? Method, SourceLocation Origin) : IHasOrigin;
