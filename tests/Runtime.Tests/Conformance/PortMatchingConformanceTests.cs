using static Meshc.Runtime.Tests.Conformance.Gw;

namespace Meshc.Runtime.Tests.Conformance;

/// <summary>
/// Upstream HTTPRouteListenerPortMatching: one Gateway with listeners on ports 80 (foo.com), 8080 (foo.com, bar.com)
/// and 8090 (foo.com, bar.com), and a route attached by <c>parentRef.port</c> to each port (the 8090 one also by
/// <c>sectionName</c>, to the foo.com listener only). The Gateway's ports share one Envoy listener here, so the port
/// a request is for is the one in its Host header, as the suite's client sends it; no port means 80.
/// </summary>
public sealed class PortMatchingConformanceTests
{
    private const string Gateway = Infra + "/httproute-listener-port-matching";

    private static Row At(string host, string backend) => Row.To("/", backend) with { Gateway = Gateway, Host = host };
    private static Row NotFound(string host) => Row.Answer("/", 404) with { Gateway = Gateway, Host = host };

    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task HTTPRouteListenerPortMatching()
    {
        await using var run = await ConformanceRun.StartAsync("httproute-listener-port-matching");
        await run.ExpectAllAsync([
            At("foo.com", V1),
            At("foo.com:8080", V2),
            At("bar.com:8080", V2),
            At("foo.com:8090", V3),
            // bar.com:8090 is a listener of its own, and backend-v3 attached only to listener-4 (foo.com).
            NotFound("bar.com:8090"),
        ]);
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task HTTPRouteListenerPortMatching_PortsBeyondTheSuite_OnlyOwnPortServed()
    {
        await using var run = await ConformanceRun.StartAsync("httproute-listener-port-matching");
        await run.ExpectAllAsync([
            // The default port written out is the same port.
            At("foo.com:80", V1),
            // bar.com has no listener on port 80, and no listener has port 8081.
            NotFound("bar.com"),
            NotFound("bar.com:80"),
            NotFound("foo.com:8081"),
        ]);
    }
}
