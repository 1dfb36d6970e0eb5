namespace Meshc.Runtime.Tests.Conformance;

/// <summary>
/// Upstream tests that check status only, through the status the compilation computes for the same manifests. Each
/// manifest holds an object meshc rejects with an error, so no bundle is built and nothing is served.
/// </summary>
public sealed class StatusConformanceTests
{
    [SharedFact(ConformanceManifests.SharedFolder)]
    public void HTTPRouteDisallowedKind()
    {
        var status = ConformanceRun.Check("httproute-disallowed-kind", "MC0210").Status;
        StatusAssert.RouteParent(status, "disallowed-kind", "Accepted", false, "NotAllowedByListeners");
        Assert.Equal(0, StatusAssert.ListenerOf(status, "tlsroutes-only", "tls").AttachedRoutes);
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public void GatewayWithAttachedRoutes()
    {
        var status = ConformanceRun.Check("gateway-with-attached-routes", "MC0211", "MC0201").Status;
        Assert.Equal(1, StatusAssert.ListenerOf(status, "gateway-with-one-attached-route", "http").AttachedRoutes);
        // http-route-not-accepted's hostname meets no listener hostname, so it is not counted.
        Assert.Equal(2, StatusAssert.ListenerOf(status, "gateway-with-two-attached-routes", "http").AttachedRoutes);
        StatusAssert.RouteParent(status, "http-route-not-accepted", "Accepted", false, "NoMatchingListenerHostname");
        // A route whose backend does not resolve still attaches to a listener whose certificate does not resolve.
        Assert.Equal(1, StatusAssert.ListenerOf(status, "unresolved-gateway-with-one-attached-unresolved-route", "tls").AttachedRoutes);
        StatusAssert.Listener(status, "unresolved-gateway-with-one-attached-unresolved-route", "tls", "ResolvedRefs", false, "InvalidCertificateRef");
        StatusAssert.RouteParent(status, "http-route-4", "ResolvedRefs", false, "BackendNotFound");
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public void HTTPRoutePartiallyInvalidViaInvalidReferenceGrant()
    {
        // Upstream also sends /v2 (500) and / (app-backend-v1); meshc builds no bundle for a manifest with MC0205, so
        // only the status is checked (docs/conformance.md lists this).
        var status = ConformanceRun.Check("httproute-partially-invalid-via-invalid-reference-grant", "MC0205").Status;
        StatusAssert.RouteParent(status, "invalid-reference-grant", "Accepted", true, "Accepted");
        StatusAssert.RouteParent(status, "invalid-reference-grant", "ResolvedRefs", false, "RefNotPermitted");
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public void HTTPRouteInvalidCrossNamespaceBackendRef()
    {
        // Upstream also expects 500 for / ; as above, only the status is checked.
        var status = ConformanceRun.Check("httproute-invalid-cross-namespace-backend-ref", "MC0205").Status;
        StatusAssert.RouteParent(status, "invalid-cross-namespace-backend-ref", "Accepted", true, "Accepted");
        StatusAssert.RouteParent(status, "invalid-cross-namespace-backend-ref", "ResolvedRefs", false, "RefNotPermitted");
    }
}
