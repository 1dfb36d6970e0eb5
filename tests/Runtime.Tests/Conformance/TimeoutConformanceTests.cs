namespace Meshc.Runtime.Tests.Conformance;

/// <summary>
/// Upstream timeout tests: the echo backend holds its answer for the <c>delay</c> query parameter; a 500 ms request
/// or backend-request timeout turns a 1 s delay into 504, and "0s" disables the timeout.
/// </summary>
public sealed class TimeoutConformanceTests
{
    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task HTTPRouteTimeoutRequest()
    {
        await using var run = await ConformanceRun.StartAsync("httproute-timeout-request");
        await run.ExpectAllAsync([
            Row.Answer("/request-timeout", 200),
            Row.Answer("/request-timeout?delay=1s", 504),
            Row.Answer("/disable-request-timeout?delay=1s", 200),
        ]);
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task HTTPRouteTimeoutBackendRequest()
    {
        await using var run = await ConformanceRun.StartAsync("httproute-timeout-backend-request");
        await run.ExpectAllAsync([
            Row.Answer("/backend-timeout", 200),
            Row.Answer("/backend-timeout?delay=1s", 504),
            Row.Answer("/disable-backend-timeout?delay=1s", 200),
        ]);
    }
}
