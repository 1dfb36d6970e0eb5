using Meshc.Compiler.Semantics;
using static Meshc.Runtime.Tests.Conformance.Gw;

namespace Meshc.Runtime.Tests.Conformance;

/// <summary>
/// The upstream ListenerSet tests (GEP-1713): each whole manifest is compiled with the suite's Secrets, the bundle is
/// served, and the upstream expectations are checked on the status of the Gateway, the ListenerSets and the routes and,
/// where upstream sends requests, on the traffic through the Gateway's one Envoy listener (the ListenerSets' listeners
/// are programmed into it like the Gateway's own).
/// </summary>
public sealed class ListenerSetConformanceTests
{
    [SharedTheory(ConformanceManifests.SharedFolder)]
    [InlineData("listenerset-allowed-namespace-none", "gateway-does-not-allow-listenerset", "listenerset-not-allowed")]
    [InlineData("listenerset-default-not-allowed", "gateway-default-does-not-allow-listenerset", "listenerset-default-not-allowed")]
    public async Task ListenerSetAllowedNamespaceNone_And_DefaultNotAllowed(string test, string gateway, string set)
    {
        await using var run = await ConformanceRun.StartWithErrorsAsync(test, "MC0233");
        StatusAssert.Gateway(run.Status, gateway, "Accepted", true, null);
        StatusAssert.AttachedListenerSets(run.Status, gateway, 0);
        NotAllowed(run.Status, set);
        Assert.Contains(run.Notes, n => n.StartsWith($"left out: listenerset {Infra}/{set}: Accepted=False NotAllowed: ", StringComparison.Ordinal));
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task ListenerSetAllowedNamespaceSame()
    {
        await using var run = await ConformanceRun.StartWithErrorsAsync("listenerset-allowed-namespace-same", "MC0233");
        var gateway = "gateway-allows-listenerset-in-same-namespace";
        StatusAssert.Gateway(run.Status, gateway, "Accepted", true, null);
        StatusAssert.AttachedListenerSets(run.Status, gateway, 1);
        AcceptedAndProgrammed(run.Status, "listenerset-in-same-namespace");
        ListenerAccepted(run.Status, "listenerset-in-same-namespace", "listenerset-in-same-namespace-listener");
        NotAllowed(run.Status, "listenerset-in-different-namespace");
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task ListenerSetAllowedNamespaceSelector()
    {
        await using var run = await ConformanceRun.StartWithErrorsAsync("listenerset-allowed-namespace-selector", "MC0233");
        var gateway = "gateway-allows-listenerset-in-selected-namespace";
        StatusAssert.Gateway(run.Status, gateway, "Accepted", true, null);
        StatusAssert.AttachedListenerSets(run.Status, gateway, 1);
        AcceptedAndProgrammed(run.Status, "listenerset-in-selected-namespace");
        ListenerAccepted(run.Status, "listenerset-in-selected-namespace", "listenerset-in-selected-namespace-listener");
        NotAllowed(run.Status, "listenerset-not-in-selected-namespace");
    }

    [SharedTheory(ConformanceManifests.SharedFolder)]
    [InlineData("listenerset-hostname-conflict", "MC0236", "HostnameConflict", "hostname")]
    [InlineData("listenerset-protocol-conflict", "MC0235", "ProtocolConflict", "protocol")]
    public async Task ListenerSetConflicts(string test, string code, string reason, string what)
    {
        await using var run = await ConformanceRun.StartWithErrorsAsync(test, code);
        var status = run.Status;
        var gateway = $"gateway-with-listenerset-{what}-conflict";
        StatusAssert.Gateway(status, gateway, "Accepted", true, null);
        ListenerAccepted(status, gateway, "gateway-listener", onGateway: true);
        ListenerAccepted(status, gateway, $"{what}-conflict-with-gateway-listener", onGateway: true);
        StatusAssert.AttachedListenerSets(status, gateway, 2);

        var first = $"listenerset-with-{what}-conflict-with-gateway-1";
        AcceptedAndProgrammed(status, first);
        ListenerAccepted(status, first, "listener-set-1-listener");
        Conflicted(status, first, $"{what}-conflict-with-gateway-listener", reason);
        ListenerAccepted(status, first, $"{what}-conflict-with-listener-set-listener");

        var second = $"listenerset-with-{what}-conflict-with-gateway-2";
        NotValid(status, second);
        Conflicted(status, second, $"{what}-conflict-with-gateway-listener", reason);
        Assert.Contains($"left out: listener {what}-conflict-with-gateway-listener of listenerset {Infra}/{first}: Accepted=False {reason}: ", string.Join("\n", run.Notes));

        var third = $"listenerset-with-{what}-conflict-with-listener-set-1";
        AcceptedAndProgrammed(status, third);
        ListenerAccepted(status, third, "listener-set-2-listener");
        Conflicted(status, third, $"{what}-conflict-with-listener-set-listener", reason);

        var fourth = $"listenerset-with-{what}-conflict-with-listener-set-2";
        NotValid(status, fourth);
        Conflicted(status, fourth, $"{what}-conflict-with-listener-set-listener", reason);
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task ListenerSetHTTPRouting()
    {
        await using var run = await ConformanceRun.StartWithErrorsAsync("listenerset-http-routing");
        var status = run.Status;
        const string gateway = "gateway-with-listener-sets-http-routing";
        StatusAssert.Gateway(status, gateway, "Accepted", true, null);
        foreach (var route in new[] { "attaches-to-all-listeners", "gateway-route", "gateway-section-route" })
            StatusAssert.RouteParent(status, route, "Accepted", true, null, parent: ParentIndex(status, route, "Gateway"));
        StatusAssert.AttachedListenerSets(status, gateway, 2);
        foreach (var (set, listener, routes) in new[]
        {
            ("listener-set-http-routing-1", "listener-set-http-routing-1-listener-1", 3),
            ("listener-set-http-routing-1", "listener-set-http-routing-1-listener-2", 2),
            ("listener-set-http-routing-2", "listener-set-http-routing-2-listener-1", 2),
            ("listener-set-http-routing-2", "listener-set-http-routing-2-listener-2", 2),
        })
        {
            AcceptedAndProgrammed(status, set);
            ListenerAccepted(status, set, listener);
            Assert.Equal(routes, StatusAssert.SetListenerOf(status, set, listener).AttachedRoutes);
            Assert.Contains(StatusAssert.SetListenerOf(status, set, listener).SupportedKinds, k => k.Kind == "HTTPRoute");
        }
        foreach (var route in new[] { "attaches-to-all-listeners", "listener-set-http-routing-1-route", "listener-set-http-routing-1-section-route", "listener-set-http-routing-2-route" })
        foreach (var parent in status.Routes.Single(r => r.Object.Name == route).Parents.Where(p => p.ParentRef.Kind == "ListenerSet"))
            Assert.Contains(parent.Conditions, c => c.Type == ConditionType.Accepted && c.Status);

        string[] gatewayHosts = ["gateway-listener-1.com", "gateway-listener-2.com"];
        string[] set1 = ["listener-set-http-routing-1-listener-1.com", "listener-set-http-routing-1-listener-2.com"];
        string[] set2 = ["listener-set-http-routing-2-listener-1.com", "listener-set-http-routing-2-listener-2.com"];
        string[] all = [.. gatewayHosts, .. set1, .. set2];
        var rows = new List<Row>();
        rows.AddRange(all.Select(h => Row.To("/route", V1) with { Host = h }));
        rows.AddRange(all.Select(h => gatewayHosts.Contains(h) ? Row.To("/gateway-route", V2) with { Host = h } : Row.Answer("/gateway-route", 404) with { Host = h }));
        rows.AddRange(all.Select(h => h == gatewayHosts[0] ? Row.To("/gateway-section-route", V3) with { Host = h } : Row.Answer("/gateway-section-route", 404) with { Host = h }));
        rows.AddRange(all.Select(h => set1.Contains(h) ? Row.To("/listener-set-http-routing-1-route", V2) with { Host = h } : Row.Answer("/listener-set-http-routing-1-route", 404) with { Host = h }));
        rows.AddRange(all.Select(h => h == set1[0] ? Row.To("/listener-set-http-routing-1-section-route", V3) with { Host = h } : Row.Answer("/listener-set-http-routing-1-section-route", 404) with { Host = h }));
        rows.AddRange(all.Select(h => set2.Contains(h) ? Row.To("/listener-set-http-routing-2-route", V2) with { Host = h } : Row.Answer("/listener-set-http-routing-2-route", 404) with { Host = h }));
        await run.ExpectAllAsync(rows.Select(r => r with { Gateway = $"{Infra}/{gateway}" }));
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task ListenerSetAllowedRoutesNamespaces()
    {
        await using var run = await ConformanceRun.StartWithErrorsAsync("listenerset-allowed-routes-namespaces", "MC0209");
        var status = run.Status;
        const string gateway = "gateway-with-listener-sets-test-allowed-routes";
        StatusAssert.Gateway(status, gateway, "Accepted", true, null);
        const string set = "listenerset-test-allowed-routes-namespaces";
        foreach (var (listener, routes) in new[] { ("listener-set-listener-allowed-routes-all", 3), ("listener-set-listener-allowed-routes-same", 1), ("listener-set-listener-allowed-routes-selector", 1) })
        {
            ListenerAccepted(status, set, listener);
            Assert.Equal(routes, StatusAssert.SetListenerOf(status, set, listener).AttachedRoutes);
        }
        const string crossSet = "listenerset-test-allowed-routes-cross-ns";
        ListenerAccepted(status, crossSet, "listener-set-listener-allowed-routes-cross-ns-same");
        Assert.Equal(1, StatusAssert.SetListenerOf(status, crossSet, "listener-set-listener-allowed-routes-cross-ns-same").AttachedRoutes);
        StatusAssert.RouteParent(status, "route-in-listenerset-namespace", "Accepted", true, "Accepted");
        StatusAssert.RouteParent(status, "route-in-gateway-namespace", "Accepted", false, "NotAllowedByListeners");
        Assert.Contains(run.Notes, n => n.StartsWith($"left out: httproute {Infra}/route-in-gateway-namespace from listenerset gateway-api-ls-cross-ns/{crossSet}: Accepted=False NotAllowedByListeners", StringComparison.Ordinal));

        const string allHost = "listener-set-listener-allowed-routes-all.com";
        const string sameHost = "listener-set-listener-allowed-routes-same.com";
        const string selectorHost = "listener-set-listener-allowed-routes-selector.com";
        const string crossHost = "listener-set-listener-allowed-routes-cross-ns-same.com";
        var rows = new[]
        {
            Row.To("/route-in-same-namespace", V1) with { Host = allHost },
            Row.To("/route-in-selected-namespace", V2) with { Host = allHost },
            Row.To("/route-not-in-selected-namespace", V3) with { Host = allHost },
            Row.To("/route-in-same-namespace", V1) with { Host = sameHost },
            Row.Answer("/route-in-selected-namespace", 404) with { Host = sameHost },
            Row.Answer("/route-not-in-selected-namespace", 404) with { Host = sameHost },
            Row.Answer("/route-in-same-namespace", 404) with { Host = selectorHost },
            Row.To("/route-in-selected-namespace", V2) with { Host = selectorHost },
            Row.Answer("/route-not-in-selected-namespace", 404) with { Host = selectorHost },
            Row.To("/route-in-listenerset-namespace", V1) with { Host = crossHost },
            Row.Answer("/route-in-gateway-namespace", 404) with { Host = crossHost },
        };
        await run.ExpectAllAsync(rows.Select(r => r with { Gateway = $"{Infra}/{gateway}" }));
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task ListenerSetAllowedRoutesSupportedKinds()
    {
        await using var run = await ConformanceRun.StartWithErrorsAsync("listenerset-allowed-routes-supported-kinds");
        StatusAssert.Gateway(run.Status, "gateway-with-listener-sets-test-supported-route-kinds", "Accepted", true, null);
        StatusAssert.SetListener(run.Status, "listenerset-test-allowed-routes-supported-kinds", "listener-set-listener-allowed-routes-tls-only",
            "ResolvedRefs", false, "InvalidRouteKinds");
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task ListenerSetDualParentRefIndependence()
    {
        await using var run = await ConformanceRun.StartWithErrorsAsync("listenerset-dual-parentref-independence", "MC0203");
        var status = run.Status;
        const string gateway = "gateway-dual-parentref";
        StatusAssert.Gateway(status, gateway, "Accepted", true, null);
        StatusAssert.AttachedListenerSets(status, gateway, 1);
        ListenerAccepted(status, "ls-dual-parentref", "ls-dual-parentref-listener");
        Assert.Equal(2, StatusAssert.SetListenerOf(status, "ls-dual-parentref", "ls-dual-parentref-listener").AttachedRoutes);
        StatusAssert.RouteParent(status, "route-dual-parentref-both", "Accepted", true, "Accepted", parent: ParentIndex(status, "route-dual-parentref-both", "Gateway"));
        StatusAssert.RouteParent(status, "route-dual-parentref-both", "Accepted", true, "Accepted", parent: ParentIndex(status, "route-dual-parentref-both", "ListenerSet"));
        StatusAssert.RouteParent(status, "route-dual-parentref-one", "Accepted", false, "NoMatchingParent", parent: ParentIndex(status, "route-dual-parentref-one", "Gateway"));
        StatusAssert.RouteParent(status, "route-dual-parentref-one", "Accepted", true, "Accepted", parent: ParentIndex(status, "route-dual-parentref-one", "ListenerSet"));
        await run.ExpectAllAsync(new[]
        {
            Row.To("/dualboth", V1) with { Host = "gw-dual.com" },
            Row.To("/dualboth", V1) with { Host = "ls-dual.com" },
            Row.To("/dualone", V2) with { Host = "ls-dual.com" },
            Row.Answer("/dualone", 404) with { Host = "gw-dual.com" },
        }.Select(r => r with { Gateway = $"{Infra}/{gateway}" }));
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task ListenerSetGatewayParentSectionNameNotFound()
    {
        await using var run = await ConformanceRun.StartWithErrorsAsync("listenerset-gateway-parent-section-name-not-found", "MC0203");
        var status = run.Status;
        const string gateway = "gateway-section-name";
        StatusAssert.Gateway(status, gateway, "Accepted", true, null);
        StatusAssert.AttachedListenerSets(status, gateway, 1);
        StatusAssert.RouteParent(status, "route-via-listenerset", "Accepted", true, "Accepted");
        StatusAssert.RouteParent(status, "route-via-gateway", "Accepted", false, "NoMatchingParent");
        Assert.Contains(run.Notes, n => n.StartsWith($"left out: httproute {Infra}/route-via-gateway from gateway {Infra}/{gateway} listener ls-only-listener: Accepted=False NoMatchingParent", StringComparison.Ordinal));
        await run.ExpectAllAsync(new[]
        {
            Row.To("/goodsection", V1) with { Host = "ls-section-name.com" },
            Row.Answer("/badsection", 404) with { Host = "gw-section.com" },
        }.Select(r => r with { Gateway = $"{Infra}/{gateway}" }));
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task ListenerSetRouteStatusScopedToParentRef()
    {
        await using var run = await ConformanceRun.StartWithErrorsAsync("listenerset-route-status-scoped-to-parentref");
        var status = run.Status;
        StatusAssert.Gateway(status, "gateway-parentref", "Accepted", true, null);
        StatusAssert.AttachedListenerSets(status, "gateway-parentref", 1);
        ListenerAccepted(status, "listenerset-parentref", "listenerset-parentref-listener");
        Assert.Equal(1, StatusAssert.SetListenerOf(status, "listenerset-parentref", "listenerset-parentref-listener").AttachedRoutes);
        // Each route has exactly the one parent it names: status is scoped to the parentRef, not to the Gateway behind it.
        var gatewayOnly = status.Routes.Single(r => r.Object.Name == "route-parentref-gwonly").Parents.Single();
        Assert.Equal(("Gateway", "gateway-parentref"), (gatewayOnly.ParentRef.Kind, gatewayOnly.ParentRef.Name));
        StatusAssert.RouteParent(status, "route-parentref-gwonly", "Accepted", true, "Accepted");
        var setOnly = status.Routes.Single(r => r.Object.Name == "route-parentref-lsonly").Parents.Single();
        Assert.Equal(("ListenerSet", "listenerset-parentref"), (setOnly.ParentRef.Kind, setOnly.ParentRef.Name));
        StatusAssert.RouteParent(status, "route-parentref-lsonly", "Accepted", true, "Accepted");
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task ListenerSetReferenceGrant()
    {
        await using var run = await ConformanceRun.StartWithErrorsAsync("listenerset-reference-grant", "MC0215");
        var status = run.Status;
        StatusAssert.Gateway(status, "gateway-with-listener-sets-test-reference-grant", "Accepted", true, null);
        AcceptedAndProgrammed(status, "listenerset-with-reference-grant");
        StatusAssert.SetListener(status, "listenerset-with-reference-grant", "listenerset-with-reference-grant-listener", "ResolvedRefs", true, null);
        NotValid(status, "listenerset-without-reference-grant");
        StatusAssert.SetListener(status, "listenerset-without-reference-grant", "listenerset-without-reference-grant-listener", "ResolvedRefs", false, "RefNotPermitted");
    }

    private static int ParentIndex(StatusReport status, string route, string kind) =>
        status.Routes.Single(r => r.Object.Name == route).Parents.Select((p, i) => (p, i)).Single(x => x.p.ParentRef.Kind == kind).i;

    private static void NotAllowed(StatusReport status, string set)
    {
        StatusAssert.ListenerSet(status, set, "Accepted", false, "NotAllowed");
        StatusAssert.ListenerSet(status, set, "Programmed", false, "NotAllowed");
    }

    private static void NotValid(StatusReport status, string set)
    {
        StatusAssert.ListenerSet(status, set, "Accepted", false, "ListenersNotValid");
        StatusAssert.ListenerSet(status, set, "Programmed", false, "ListenersNotValid");
    }

    private static void AcceptedAndProgrammed(StatusReport status, string set)
    {
        StatusAssert.ListenerSet(status, set, "Accepted", true, null);
        StatusAssert.ListenerSet(status, set, "Programmed", true, "Programmed");
    }

    /// <summary>The suite's accepted listener: ResolvedRefs, Accepted and Programmed True (any reason).</summary>
    private static void ListenerAccepted(StatusReport status, string owner, string listener, bool onGateway = false)
    {
        foreach (var type in new[] { "ResolvedRefs", "Accepted", "Programmed" })
        {
            if (onGateway) StatusAssert.Listener(status, owner, listener, type, true, null);
            else StatusAssert.SetListener(status, owner, listener, type, true, null);
        }
    }

    /// <summary>A listener that lost to one of higher precedence: Accepted and Programmed False and Conflicted True, with the conflict's reason.</summary>
    private static void Conflicted(StatusReport status, string set, string listener, string reason)
    {
        StatusAssert.SetListener(status, set, listener, "Accepted", false, reason);
        StatusAssert.SetListener(status, set, listener, "Programmed", false, reason);
        StatusAssert.SetListener(status, set, listener, "Conflicted", true, reason);
    }
}
