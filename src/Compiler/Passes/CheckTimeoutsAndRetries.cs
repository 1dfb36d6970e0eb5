namespace Meshc.Compiler.Passes;

/// <summary>
/// Checks rule timeouts (a backend request cannot outlast the whole request, when both are set and non-zero) and
/// retries (only 4xx/5xx status codes can be retried; attempts cannot be negative).
/// </summary>
internal sealed class CheckTimeoutsAndRetries : IPass
{
    public void Run(PassContext context)
    {
        foreach (var facts in context.Routes.All)
        foreach (var rule in facts.Route.Rules)
        {
            if (rule.Timeouts is { Request: { } request, BackendRequest: { } backend } timeouts &&
                request > TimeSpan.Zero && backend > TimeSpan.Zero && backend > request)
            {
                var reason = $"backendRequest ({Show(backend)}) is longer than request ({Show(request)})";
                facts.Reject(context.Diagnostics.ReportInvalidTimeouts(timeouts.Origin, reason).Message);
            }
            if (rule.Retry is not { } retry) continue;
            foreach (var code in retry.Codes.Where(c => c is < 400 or > 599))
                facts.Reject(context.Diagnostics.ReportInvalidRetry(retry.Origin, $"status code {code} is not between 400 and 599").Message);
            if (retry.Attempts is < 0)
                facts.Reject(context.Diagnostics.ReportInvalidRetry(retry.Origin, $"attempts {retry.Attempts} is negative").Message);
        }
    }

    private static string Show(TimeSpan value) => value.TotalSeconds % 1 == 0 ? $"{value.TotalSeconds:0}s" : $"{value.TotalMilliseconds:0}ms";
}
