using static Meshc.Runtime.Tests.Conformance.Gw;

namespace Meshc.Runtime.Tests.Conformance;

/// <summary>
/// Upstream HTTPRouteRetry: the echo backend fails with a chosen status for the first N requests carrying one uuid
/// (<c>responseCode</c>, <c>succeedAfter</c>, <c>uuid</c>); the route's retry policy (codes, attempts) decides whether
/// the client sees the recovery or the failure.
/// </summary>
public sealed class RetryConformanceTests
{
    private const string Code500Attempts3 = "/retry/code-500-attempts-3";
    private const string AllCodesAttempts2 = "/retry/code-all-attempts-2";

    /// <summary>A request whose backend fails <paramref name="failures"/> times with <paramref name="code"/> before succeeding.</summary>
    private static Row Simulated(string path, int code, int failures, int expected)
    {
        var target = $"{path}?responseCode={code}&succeedAfter={failures}&uuid={Guid.NewGuid():N}";
        return expected == 200 ? Row.To(target, V3) : Row.Answer(target, expected);
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task HTTPRouteRetry()
    {
        await using var run = await ConformanceRun.StartAsync("httproute-retry");
        await run.ExpectAllAsync([
            Simulated(Code500Attempts3, 500, failures: 2, expected: 200),
            Simulated(Code500Attempts3, 500, failures: 4, expected: 500),
            // 503 is not among this route's retriable codes.
            Simulated(Code500Attempts3, 503, failures: 2, expected: 503),
            Simulated(AllCodesAttempts2, 500, failures: 1, expected: 200),
            Simulated(AllCodesAttempts2, 500, failures: 3, expected: 500),
            Simulated(AllCodesAttempts2, 502, failures: 1, expected: 200),
            Simulated(AllCodesAttempts2, 502, failures: 3, expected: 502),
            Simulated(AllCodesAttempts2, 503, failures: 1, expected: 200),
            Simulated(AllCodesAttempts2, 503, failures: 3, expected: 503),
            Simulated(AllCodesAttempts2, 504, failures: 1, expected: 200),
            Simulated(AllCodesAttempts2, 504, failures: 3, expected: 504),
        ]);
    }
}
