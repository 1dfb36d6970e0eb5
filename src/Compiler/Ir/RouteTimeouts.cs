using Meshc.Compiler.Text;

namespace Meshc.Compiler.Ir;

/// <summary>Rule timeouts: the whole request, and each backend request. Zero means "no timeout".</summary>
public sealed record RouteTimeouts(TimeSpan? Request, TimeSpan? BackendRequest, SourceLocation Origin) : IHasOrigin;
