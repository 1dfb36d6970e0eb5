using Meshc.Compiler.FrontEnds.Dsl.Syntax;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.FrontEnds.Dsl.Reading;

/// <summary>
/// Reads <c>retry</c>. Status codes go into the Gateway API retry; named conditions (Envoy's <c>retry_on</c>: 5xx,
/// gateway-error, reset, connect-failure, …) and <c>per-try</c> only make sense on a service route.
/// <code>
/// retry [ATTEMPTS] [on 500, 503 | on 5xx, reset] [backoff 100ms] [per-try 1s]
/// </code>
/// </summary>
internal static class RetryReader
{
    public static (RetryPolicy Policy, ServiceRetry? Service) Read(MeshParser.RetryActionContext r, DslContext context)
    {
        var codes = new List<int>();
        var conditions = new List<string>();
        foreach (var condition in r.retryCondition())
        {
            if (condition is MeshParser.RetryStatusCodeContext code)
            {
                if (context.Int(code.INT().Symbol, "retry status code", 400, 599) is { } c) codes.Add(c);
            }
            else if (condition is MeshParser.RetryNamedConditionContext named)
            {
                conditions.Add(DslContext.Text(named.value()));
            }
        }
        TimeSpan? backoff = null, perTry = null;
        foreach (var option in r.retryOption())
        {
            if (option is MeshParser.RetryBackoffContext b) backoff = DurationReader.Read(b.DURATION().Symbol, context);
            if (option is MeshParser.RetryPerTryContext p) perTry = DurationReader.Read(p.DURATION().Symbol, context);
        }
        var attempts = r.attempts is { } a ? context.Int(a, "retry attempts", 0, 1000) : null;
        var at = context.At(r);
        var policy = new RetryPolicy(codes.ToValueList(), attempts, backoff, at);
        var service = conditions.Count > 0 || perTry is not null ? new ServiceRetry(conditions.ToValueList(), perTry, at) : null;
        return (policy, service);
    }
}
