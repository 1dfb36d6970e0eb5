using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.FrontEnds.Dsl.Reading;

/// <summary>
/// A rule as the DSL wrote it: the IR rule, and where it uses what the DSL allows only on one kind of route — retry
/// conditions by name or a per-try timeout (service routes), a backend timeout (gateway routes).
/// </summary>
internal sealed record DslRule(RouteRule Rule, SourceLocation? RetryExtrasAt, SourceLocation? BackendTimeoutAt);
