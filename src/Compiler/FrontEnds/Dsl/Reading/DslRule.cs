using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.FrontEnds.Dsl.Reading;

/// <summary>
/// A rule as the DSL wrote it: the Gateway API rule, plus what only Envoy routes can say (retry conditions by name
/// and a per-try timeout), which a service route compiles and a gateway route rejects.
/// </summary>
internal sealed record DslRule(RouteRule Rule, ServiceRetry? Retry, SourceLocation? BackendTimeoutAt);

/// <summary>Envoy retry settings beyond the Gateway API's: named conditions (5xx, reset, …) and a per-try timeout.</summary>
internal sealed record ServiceRetry(ValueList<string> Conditions, TimeSpan? PerTry, SourceLocation Origin);
