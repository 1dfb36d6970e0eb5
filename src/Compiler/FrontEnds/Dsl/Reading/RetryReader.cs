using Meshc.Compiler.FrontEnds.Dsl.Syntax;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.FrontEnds.Dsl.Reading;

/// <summary>
/// Reads <c>retry</c>. Status codes, attempts and backoff are the Gateway API retry; named conditions (Envoy's
/// <c>retry_on</c>: 5xx, gateway-error, reset, connect-failure, …) and <c>per-try</c> are the retry extras of
/// <see cref="MeshAnnotations"/>, which only service routes may use.
/// <code>
/// retry [ATTEMPTS] [on 500, 503 | on 5xx, reset] [backoff 100ms] [per-try 1s]
/// </code>
/// </summary>
internal static class RetryReader
{
    /// <summary>The policy, and where it uses a retry extra (null when it uses none).</summary>
    public static (RetryPolicy Policy, SourceLocation? ExtrasAt) Read(MeshParser.RetryActionContext r, DslContext context)
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
                var text = DslContext.Text(named.value());
                if (MeshAnnotations.RetryConditions.Contains(text)) conditions.Add(text);
                else context.Diagnostics.ReportDslInvalidValue(context.At(named), "retry condition", text,
                    "use a status code or an Envoy retry condition (5xx, gateway-error, reset, connect-failure, retriable-4xx, …)",
                    Spelling.DidYouMean(text, MeshAnnotations.RetryConditions));
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
        var policy = new RetryPolicy(codes.ToValueList(), attempts, backoff, at) { Conditions = conditions.ToValueList(), PerTryTimeout = perTry };
        var extras = r.retryCondition().OfType<MeshParser.RetryNamedConditionContext>().Any() || r.retryOption().OfType<MeshParser.RetryPerTryContext>().Any();
        return (policy, extras ? at : null);
    }
}
