using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Tests.Passes;

public class CheckGatewayClassesTests
{
    private const string OtherClass = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: GatewayClass
        metadata:
          name: istio
        spec:
          controllerName: istio.io/gateway-controller
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata:
          name: theirs
          namespace: default
        spec:
          gatewayClassName: istio
          listeners:
          - name: http
            protocol: HTTP
            port: 80
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: r
          namespace: default
        spec:
          parentRefs:
          - name: theirs
        """;

    [Fact]
    public void CheckGatewayClasses_ClassMissing_ReportsMC0212AndIgnoresGateway()
    {
        var c = Checked.Run("""
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata:
              name: gw
              namespace: default
            spec:
              gatewayClassName: cilum
              listeners:
              - name: http
                protocol: HTTP
                port: 80
            """);
        var d = c.Single("MC0212", "apiVersion");
        Assert.Equal(global::Meshc.Compiler.Diagnostics.Severity.Warning, d.Severity);
        Assert.Equal("did you mean 'cilium'?", d.Hint);
        Assert.Empty(c.Status.Gateways);
        Assert.Empty(c.Bound.Gateways);
    }

    [Fact]
    public void CheckGatewayClasses_OtherController_ReportsMC0213AndWritesNoStatus()
    {
        var c = Checked.Run(OtherClass);
        var d = c.Single("MC0213", "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n");
        Assert.Equal(global::Meshc.Compiler.Diagnostics.Severity.Info, d.Severity);
        Assert.Empty(c.Status.Gateways);
        Assert.Empty(c.Status.Routes);
        Assert.DoesNotContain(c.Status.GatewayClasses, s => s.Object.Name == "istio");
        Assert.Empty(c.Diagnostics.Where(x => x.Code.Value != "MC0213"));
    }

    [Fact]
    public void CheckGatewayClasses_OurClass_AcceptedWithSupportedFeatures()
    {
        var c = Checked.Run(Snippets.GatewayAndService);
        var status = c.Status.GatewayClasses.Single(s => s.Object.Name == "cilium");
        ConditionAssert.Is(status.Conditions.Single(), true, ConditionReason.Accepted);
        Assert.Contains("HTTPRoute", status.SupportedFeatures);
        Assert.Contains("GatewayHTTPListenerIsolation", status.SupportedFeatures);
        Assert.Equal(status.SupportedFeatures.Order(StringComparer.Ordinal), status.SupportedFeatures);
    }
}
