using static Meshc.Runtime.Tests.Conformance.Gw;

namespace Meshc.Runtime.Tests.Conformance;

/// <summary>Upstream hostname tests: route/listener hostname intersection and several listeners on one port told apart by hostname.</summary>
public sealed class HostnameConformanceTests
{
    private const string Intersection = Infra + "/httproute-hostname-intersection";
    private const string IntersectionAll = Infra + "/httproute-hostname-intersection-all";
    private const string ListenerHostnames = Infra + "/httproute-listener-hostname-matching";

    private static Row At(string gateway, string host, string path, string backend) => Row.To(path, backend) with { Gateway = gateway, Host = host };
    private static Row NotFound(string gateway, string host, string path) => Row.Answer(path, 404) with { Gateway = gateway, Host = host };

    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task HTTPRouteHostnameIntersection()
    {
        // The whole manifest: no-intersecting-hosts is a fallback error (MC0211), so the bundle is still built and that
        // route, attached nowhere, adds nothing to it.
        await using var run = await ConformanceRun.StartWithErrorsAsync("httproute-hostname-intersection", "MC0211");
        await run.ExpectAllAsync([
            // Route with a specific host on a listener with that host; the Host header's port is ignored.
            At(Intersection, "very.specific.com", "/s1", V1),
            At(Intersection, "very.specific.com:1234", "/s1", V1),
            NotFound(Intersection, "non.matching.com", "/s1"),
            NotFound(Intersection, "foo.nonmatchingwildcard.io", "/s1"),
            NotFound(Intersection, "foo.wildcard.io", "/s1"),
            NotFound(Intersection, "very.specific.com", "/non-matching-prefix"),
            // Specific route hosts under a wildcard listener.
            At(Intersection, "foo.wildcard.io", "/s2", V2),
            At(Intersection, "bar.wildcard.io", "/s2", V2),
            At(Intersection, "foo.bar.wildcard.io", "/s2", V2),
            NotFound(Intersection, "non.matching.com", "/s2"),
            NotFound(Intersection, "wildcard.io", "/s2"),
            NotFound(Intersection, "very.specific.com", "/s2"),
            NotFound(Intersection, "foo.wildcard.io", "/non-matching-prefix"),
            // A wildcard route narrowed to a specific listener host.
            At(Intersection, "very.specific.com", "/s3", V3),
            NotFound(Intersection, "non.matching.com", "/s3"),
            NotFound(Intersection, "foo.specific.com", "/s3"),
            NotFound(Intersection, "foo.wildcard.io", "/s3"),
            NotFound(Intersection, "very.specific.com", "/non-matching-prefix"),
            // Wildcard route on a wildcard listener.
            At(Intersection, "foo.anotherwildcard.io", "/s4", V1),
            At(Intersection, "bar.anotherwildcard.io", "/s4", V1),
            At(Intersection, "foo.bar.anotherwildcard.io", "/s4", V1),
            NotFound(Intersection, "anotherwildcard.io", "/s4"),
            NotFound(Intersection, "foo.wildcard.io", "/s4"),
            NotFound(Intersection, "very.specific.com", "/s4"),
            NotFound(Intersection, "foo.anotherwildcard.io", "/non-matching-prefix"),
            // The route whose hostnames meet no listener serves nothing.
            NotFound(Intersection, "specific.but.wrong.com", "/s5"),
            NotFound(Intersection, "wildcard.io", "/s5"),
            // A listener without a hostname serves exactly the route's hostnames.
            At(IntersectionAll, "first.com", "/", V2),
            At(IntersectionAll, "sub.first.com", "/", V2),
            At(IntersectionAll, "second.com", "/", V2),
            At(IntersectionAll, "sub.second.com", "/", V2),
            NotFound(IntersectionAll, "third.com", "/"),
            NotFound(IntersectionAll, "sub.third.com", "/"),
        ]);
        var status = run.Status;
        var gateway = status.Gateways.Single(g => g.Object.Name == "httproute-hostname-intersection");
        Assert.Equal([("listener-1", 2), ("listener-2", 1), ("listener-3", 1)],
            gateway.Listeners.Select(l => (l.Name, l.AttachedRoutes)).OrderBy(l => l.Name, StringComparer.Ordinal));
        StatusAssert.RouteParent(status, "no-intersecting-hosts", "Accepted", false, "NoMatchingListenerHostname");
        Assert.Contains(run.Notes, n => n.StartsWith("left out: httproute gateway-conformance-infra/no-intersecting-hosts from gateway gateway-conformance-infra/httproute-hostname-intersection: Accepted=False NoMatchingListenerHostname", StringComparison.Ordinal));
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task HTTPRouteListenerHostnameMatching()
    {
        await using var run = await ConformanceRun.StartAsync("httproute-listener-hostname-matching");
        await run.ExpectAllAsync([
            At(ListenerHostnames, "bar.com", "/", V1),
            At(ListenerHostnames, "foo.bar.com", "/", V2),
            At(ListenerHostnames, "baz.bar.com", "/", V3),
            At(ListenerHostnames, "boo.bar.com", "/", V3),
            At(ListenerHostnames, "multiple.prefixes.bar.com", "/", V3),
            At(ListenerHostnames, "multiple.prefixes.foo.com", "/", V3),
            NotFound(ListenerHostnames, "foo.com", "/"),
            NotFound(ListenerHostnames, "no.matching.host", "/"),
        ]);
    }
}
