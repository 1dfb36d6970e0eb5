using Meshc.Compiler.Text;

namespace Meshc.Compiler.Ir;

/// <summary>One rule of a route: matches (any may hold), filters, weighted backends, timeouts and retries.</summary>
public sealed record RouteRule(
    string? Name,
    ValueList<RouteMatch> Matches,
    ValueList<RouteFilter> Filters,
    ValueList<BackendRef> Backends,
    RouteTimeouts? Timeouts,
    RetryPolicy? Retry,
    SourceLocation Origin) : IHasOrigin;
