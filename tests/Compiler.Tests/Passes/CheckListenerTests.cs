using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Tests.Passes;

/// <summary>Listener names, protocols, allowed kinds and hostnames.</summary>
public class CheckListenerTests
{
    private static Checked Run(string listeners) => Checked.Run($"""
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata:
          name: gw
          namespace: default
        spec:
          gatewayClassName: cilium
          listeners:
        {listeners}
        """);

    [Fact]
    public void CheckListenerNames_DuplicateName_ReportsMC0301AtSecondAndKeepsFirst()
    {
        var c = Run("""
              - name: web
                protocol: HTTP
                port: 80
              - name: web
                protocol: HTTP
                port: 8080
            """);
        c.Single("MC0301", "name: web\n    protocol: HTTP\n    port: 8080");
        Assert.Equal(80, c.BoundListener("web").Listener.Port);
        Assert.Single(c.Gateway().Listeners);
    }

    [Theory]
    [InlineData("TCP")]
    [InlineData("UDP")]
    [InlineData("SCTP")]
    public void CheckListenerProtocols_Unsupported_ReportsMC0310AndUnsupportedProtocol(string protocol)
    {
        var c = Run($"""
              - name: http
                protocol: HTTP
                port: 80
              - name: other
                protocol: {protocol}
                port: 9000
            """);
        Assert.Equal(global::Meshc.Compiler.Diagnostics.Severity.Warning, c.Single("MC0310", "name: other").Severity);
        ConditionAssert.Is(c.ListenerCondition("other", ConditionType.Accepted), false, ConditionReason.UnsupportedProtocol);
        ConditionAssert.Is(c.ListenerCondition("other", ConditionType.Programmed), false, ConditionReason.Invalid);
        Assert.Empty(c.Listener("other").SupportedKinds);
        Assert.False(c.BoundListener("other").Valid);
        ConditionAssert.Is(c.GatewayCondition(ConditionType.Accepted), true, ConditionReason.ListenersNotValid);
    }

    [Fact]
    public void CheckListenerProtocols_Http_SupportsHttpAndGrpcRoutes()
    {
        var c = Run("  - name: http\n    protocol: HTTP\n    port: 80");
        Assert.Equal([RouteGroupKind.HttpRoute, RouteGroupKind.GrpcRoute], c.Listener("http").SupportedKinds);
    }

    [Fact]
    public void CheckListenerProtocols_SomeKindsUnsupported_ReportsMC0231AndInvalidRouteKinds()
    {
        var c = Run("""
              - name: http
                protocol: HTTP
                port: 80
                allowedRoutes:
                  kinds:
                  - kind: TCPRoute
                  - kind: HTTPRoute
            """);
        Assert.Equal(global::Meshc.Compiler.Diagnostics.Severity.Warning, c.Single("MC0231", "kinds:").Severity);
        ConditionAssert.Is(c.ListenerCondition("http", ConditionType.ResolvedRefs), false, ConditionReason.InvalidRouteKinds);
        ConditionAssert.Is(c.ListenerCondition("http", ConditionType.Accepted), true, ConditionReason.Accepted);
        Assert.Equal([RouteGroupKind.HttpRoute], c.Listener("http").SupportedKinds);
    }

    [Fact]
    public void CheckListenerProtocols_NoKindSupported_ListenerInvalid()
    {
        var c = Run("""
              - name: http
                protocol: HTTP
                port: 80
                allowedRoutes:
                  kinds:
                  - kind: InvalidRoute
            """);
        ConditionAssert.Is(c.ListenerCondition("http", ConditionType.Accepted), false, ConditionReason.InvalidRouteKinds);
        ConditionAssert.Is(c.GatewayCondition(ConditionType.Accepted), false, ConditionReason.ListenersNotValid);
        ConditionAssert.Is(c.GatewayCondition(ConditionType.Programmed), false, ConditionReason.Invalid);
        Assert.Empty(c.Bound.Gateways);
    }

    [Fact]
    public void CheckListenerHostnames_Invalid_ReportsMC0313AndRejectsListener()
    {
        var c = Run("  - name: http\n    protocol: HTTP\n    port: 80\n    hostname: Foo.example.com");
        Assert.Contains("lower case", c.Single("MC0313", "name: http").Message);
        ConditionAssert.Is(c.ListenerCondition("http", ConditionType.Accepted), false, ConditionReason.UnsupportedValue);
    }

    [Fact]
    public void WriteGatewayStatus_ValidListener_HasAllFourConditions()
    {
        var c = Run("  - name: http\n    protocol: HTTP\n    port: 80");
        ConditionAssert.Is(c.ListenerCondition("http", ConditionType.Accepted), true, ConditionReason.Accepted);
        ConditionAssert.Is(c.ListenerCondition("http", ConditionType.ResolvedRefs), true, ConditionReason.ResolvedRefs);
        ConditionAssert.Is(c.ListenerCondition("http", ConditionType.Programmed), true, ConditionReason.Programmed);
        ConditionAssert.Is(c.ListenerCondition("http", ConditionType.Conflicted), false, ConditionReason.NoConflicts);
        ConditionAssert.Is(c.GatewayCondition(ConditionType.Accepted), true, ConditionReason.Accepted);
        ConditionAssert.Is(c.GatewayCondition(ConditionType.Programmed), true, ConditionReason.Programmed);
        Assert.Equal(0, c.Listener("http").AttachedRoutes);
    }
}
