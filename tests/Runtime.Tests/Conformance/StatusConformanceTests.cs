namespace Meshc.Runtime.Tests.Conformance;

/// <summary>
/// Upstream tests that check status only, through the status the compilation computes for the same manifests (their
/// Gateways have no listener the runtime serves, so there is no traffic to check).
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
}
