using Meshc.Compiler.Text;

namespace Meshc.Compiler.Ir;

/// <summary>One match of a rule; all of its conditions must hold. GRPC routes set <see cref="GrpcMethod"/> instead of a path.</summary>
public sealed record RouteMatch(
    PathMatch? Path,
    ValueList<KeyValueMatch> Headers,
    ValueList<KeyValueMatch> QueryParams,
    string? Method,
    GrpcMethodMatch? GrpcMethod,
    SourceLocation Origin) : IHasOrigin;
