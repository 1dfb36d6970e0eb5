using static Meshc.Runtime.Tests.Conformance.Gw;

namespace Meshc.Runtime.Tests.Conformance;

/// <summary>
/// Upstream tests whose manifests hold a Gateway API fault meshc reports as a fallback error: the whole manifest is
/// compiled (exit code 1, the listed errors), the bundle is still written, loaded and served as <c>meshc run</c> serves
/// it, and the upstream expectations are checked on the traffic, on the status, and on the start-up lines that say
/// what was left out.
/// </summary>
public sealed class FallbackConformanceTests
{
    /// <summary>
    /// HTTPRouteInvalidNonExistentBackendRef, HTTPRouteInvalidBackendRefUnknownKind and
    /// HTTPRouteInvalidCrossNamespaceBackendRef: the route's only backend does not resolve, so it stays Accepted with
    /// ResolvedRefs=False and its rule answers 500.
    /// </summary>
    [SharedTheory(ConformanceManifests.SharedFolder)]
    [InlineData("httproute-invalid-nonexistent-backendref", "MC0201", "invalid-nonexistent-backend-ref", "BackendNotFound", "/")]
    [InlineData("httproute-invalid-backendref-unknown-kind", "MC0206", "invalid-backend-ref-unknown-kind", "InvalidKind", "/v2")]
    [InlineData("httproute-invalid-cross-namespace-backend-ref", "MC0205", "invalid-cross-namespace-backend-ref", "RefNotPermitted", "/")]
    public async Task HTTPRouteInvalidBackendRef_Answers500(string test, string code, string route, string reason, string path)
    {
        await using var run = await ConformanceRun.StartWithErrorsAsync(test, code);
        StatusAssert.RouteParent(run.Status, route, "Accepted", true, "Accepted");
        StatusAssert.RouteParent(run.Status, route, "ResolvedRefs", false, reason);
        await run.ExpectAllAsync([Row.Answer(path, 500)]);
        Assert.Contains($"httproute {Infra}/{route} on gateway {SameNamespace}: ResolvedRefs=False {reason}: ", string.Join("\n", run.Notes));
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task HTTPRoutePartiallyInvalidViaInvalidReferenceGrant()
    {
        await using var run = await ConformanceRun.StartWithErrorsAsync("httproute-partially-invalid-via-invalid-reference-grant", "MC0205");
        StatusAssert.RouteParent(run.Status, "invalid-reference-grant", "Accepted", true, "Accepted");
        StatusAssert.RouteParent(run.Status, "invalid-reference-grant", "ResolvedRefs", false, "RefNotPermitted");
        // The rule whose backend the grant does not cover answers 500; the other rule keeps serving.
        await run.ExpectAllAsync([
            Row.Answer("/v2", 500),
            Row.To("/", "app-backend-v1") with { Namespace = AppBackendNs },
        ]);
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task GatewayWithAttachedRoutes()
    {
        await using var run = await ConformanceRun.StartWithErrorsAsync("gateway-with-attached-routes", "MC0201", "MC0211");
        var status = run.Status;
        Assert.Equal(1, StatusAssert.ListenerOf(status, "gateway-with-one-attached-route", "http").AttachedRoutes);
        StatusAssert.Listener(status, "gateway-with-one-attached-route", "http", "Accepted", true, null);
        StatusAssert.Listener(status, "gateway-with-one-attached-route", "http", "ResolvedRefs", true, null);
        // http-route-not-accepted's hostname meets no listener hostname, so it is not counted.
        Assert.Equal(2, StatusAssert.ListenerOf(status, "gateway-with-two-attached-routes", "http").AttachedRoutes);
        StatusAssert.Listener(status, "gateway-with-two-attached-routes", "http", "Accepted", true, null);
        StatusAssert.RouteParent(status, "http-route-not-accepted", "Accepted", false, "NoMatchingListenerHostname");
        // A route whose backend does not resolve still attaches to a listener whose certificate does not resolve.
        Assert.Equal(1, StatusAssert.ListenerOf(status, "unresolved-gateway-with-one-attached-unresolved-route", "tls").AttachedRoutes);
        StatusAssert.Listener(status, "unresolved-gateway-with-one-attached-unresolved-route", "tls", "ResolvedRefs", false, "InvalidCertificateRef");
        StatusAssert.RouteParent(status, "http-route-4", "ResolvedRefs", false, "BackendNotFound");
        // Served: both plain-HTTP Gateways with their attached routes; the unaccepted route's host gets nothing.
        await run.ExpectAllAsync([
            Row.To("/", V1) with { Gateway = Infra + "/gateway-with-one-attached-route" },
            Row.To("/", V1) with { Gateway = Infra + "/gateway-with-two-attached-routes", Host = "foo.example.com" },
            Row.Answer("/", 404) with { Gateway = Infra + "/gateway-with-two-attached-routes", Host = "not-accepted.test.com" },
        ]);
        Assert.Contains(run.Notes, n => n.StartsWith("left out: httproute gateway-conformance-infra/http-route-not-accepted from gateway gateway-conformance-infra/gateway-with-two-attached-routes: Accepted=False NoMatchingListenerHostname", StringComparison.Ordinal));
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task GatewayInvalidTLSConfiguration()
    {
        await using var run = await ConformanceRun.StartWithErrorsAsync("gateway-invalid-tls-configuration", "MC0216", "MC0230");
        string[] gateways = ["gateway-certificate-nonexistent-secret", "gateway-certificate-unsupported-group",
            "gateway-certificate-unsupported-kind", "gateway-certificate-malformed-secret"];
        foreach (var gateway in gateways)
        {
            StatusAssert.Listener(run.Status, gateway, "https", "ResolvedRefs", false, "InvalidCertificateRef");
            Assert.Equal(0, StatusAssert.ListenerOf(run.Status, gateway, "https").AttachedRoutes);
        }
        // The Secret that is not in the input may exist in the cluster (docs/cilium-parity.md, D3): only a warning, and
        // that Gateway is programmed; the three whose refs are broken get no configuration and are named at start.
        foreach (var gateway in gateways.Skip(1))
        {
            StatusAssert.Gateway(run.Status, gateway, "Accepted", false, "ListenersNotValid");
            Assert.Contains($"left out: gateway {Infra}/{gateway}: Accepted=False ListenersNotValid: no listener is valid", run.Notes);
        }
        StatusAssert.Gateway(run.Status, gateways[0], "Accepted", true, "Accepted");
        Assert.DoesNotContain(run.Notes, n => n.Contains(gateways[0], StringComparison.Ordinal) && n.StartsWith("left out", StringComparison.Ordinal));
    }

    [SharedTheory(ConformanceManifests.SharedFolder)]
    [InlineData("gateway-secret-invalid-reference-grant")]
    [InlineData("gateway-secret-missing-reference-grant")]
    public async Task GatewaySecretReferenceGrantNotPermitting(string test)
    {
        await using var run = await ConformanceRun.StartWithErrorsAsync(test, "MC0215");
        StatusAssert.Listener(run.Status, test, "https", "ResolvedRefs", false, "RefNotPermitted");
        StatusAssert.Gateway(run.Status, test, "Accepted", false, "ListenersNotValid");
        Assert.Contains($"left out: gateway {Infra}/{test}: Accepted=False ListenersNotValid: no listener is valid", run.Notes);
    }

    [SharedTheory(ConformanceManifests.SharedFolder)]
    [InlineData("gateway-secret-reference-grant-all-in-namespace")]
    [InlineData("gateway-secret-reference-grant-specific")]
    public async Task GatewaySecretReferenceGrantPermitting(string test)
    {
        // Valid input: compiled without errors, loaded and started; the HTTPS listener is programmed.
        await using var run = await ConformanceRun.StartWithErrorsAsync(test);
        StatusAssert.Listener(run.Status, test, "https", "ResolvedRefs", true, "ResolvedRefs");
        StatusAssert.Listener(run.Status, test, "https", "Programmed", true, "Programmed");
        Assert.DoesNotContain(run.Notes, n => n.Contains(test, StringComparison.Ordinal));
    }
}
