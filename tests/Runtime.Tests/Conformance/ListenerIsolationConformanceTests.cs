using static Meshc.Runtime.Tests.Conformance.Gw;

namespace Meshc.Runtime.Tests.Conformance;

/// <summary>
/// Upstream GatewayHTTPListenerIsolation: four listeners on one port (no hostname, *.example.com, *.foo.example.com,
/// abc.foo.example.com), a route on each; a request reaches only the routes of the most specific listener that
/// matches its host. The same rows hold with hostnames only on the listeners and with intersecting route hostnames.
/// </summary>
public sealed class ListenerIsolationConformanceTests
{
    private static readonly (string Host, string ServedPath)[] Listeners =
    [
        ("bar.com", "/empty-hostname"),
        ("bar.example.com", "/wildcard-example-com"),
        ("bar.foo.example.com", "/wildcard-foo-example-com"),
        ("abc.foo.example.com", "/abc-foo-example-com"),
    ];

    [SharedTheory(ConformanceManifests.SharedFolder)]
    [InlineData("gateway-http-listener-isolation", "http-listener-isolation")]
    [InlineData("gateway-http-listener-isolation-with-hostname-intersection", "http-listener-isolation-with-hostname-intersection")]
    public async Task GatewayHTTPListenerIsolation(string manifest, string gateway)
    {
        await using var run = await ConformanceRun.StartAsync(manifest);
        // Every host against every listener's path: only its own listener's path answers.
        await run.ExpectAllAsync(
            from listener in Listeners
            from path in Listeners.Select(l => l.ServedPath)
            select (path == listener.ServedPath ? Row.To(path, V1) : Row.Answer(path, 404)) with { Gateway = $"{Infra}/{gateway}", Host = listener.Host });
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public void GatewayWithAttachedRoutesWithPort8080()
    {
        var status = ConformanceRun.Check("gateway-with-attached-routes-with-port-8080").Status;
        Assert.Equal(0, StatusAssert.ListenerOf(status, "gateway-with-two-listeners-and-one-attached-route", "http-unattached").AttachedRoutes);
        Assert.Equal(1, StatusAssert.ListenerOf(status, "gateway-with-two-listeners-and-one-attached-route", "http").AttachedRoutes);
        StatusAssert.Listener(status, "gateway-with-two-listeners-and-one-attached-route", "http-unattached", "Accepted", true, "Accepted");
    }
}
