using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Tests.Passes;

public class WriteStatusTests
{
    private const string Routes = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: r
          namespace: default
        spec:
          parentRefs:
          - name: missing
          - name: gw
            sectionName: http
          - name: web
            kind: Service
            group: ""
          rules:
          - backendRefs:
            - name: web
              port: 8080
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: GRPCRoute
        metadata:
          name: g
          namespace: default
        spec:
          parentRefs:
          - name: gw
          rules:
          - backendRefs:
            - name: web
              port: 8080
        """;

    [Fact]
    public void WriteRouteStatus_MixedParents_OneEntryPerParentInSpecOrder()
    {
        var c = Checked.Run(Snippets.GatewayAndService + Routes);
        var parents = c.Route("r").Parents;
        Assert.Equal(["missing", "gw", "web"], parents.Select(p => p.ParentRef.Name));
        Assert.Equal("http", parents[1].ParentRef.SectionName);
        Assert.Equal("Service", parents[2].ParentRef.Kind);
        ConditionAssert.Is(c.RouteCondition("r", ConditionType.Accepted, parent: 0), false, ConditionReason.NoMatchingParent);
        ConditionAssert.Is(c.RouteCondition("r", ConditionType.Accepted, parent: 1), true, ConditionReason.Accepted);
        // A Service parent without a port and without an appProtocol-http port is accepted, as Cilium does, and warned.
        ConditionAssert.Is(c.RouteCondition("r", ConditionType.Accepted, parent: 2), true, ConditionReason.Accepted);
        Assert.Single(c.WithCode("MC0202"));
        Assert.Single(c.WithCode("MC0283"));
    }

    [Fact]
    public void WriteGatewayStatus_HttpAndGrpcRoutes_CountedOnListenerAndBoundInKeyOrder()
    {
        var c = Checked.Run(Snippets.GatewayAndService + Routes);
        Assert.Equal(2, c.Listener("http").AttachedRoutes);
        Assert.Equal([ObjectKind.HTTPRoute, ObjectKind.GRPCRoute], c.BoundListener("http").Routes.Select(a => a.Route.Key.Kind));
        ConditionAssert.Is(c.RouteCondition("g", ConditionType.Accepted), true, ConditionReason.Accepted);
    }

    [Fact]
    public void WriteGatewayStatus_LoadBalancerServiceShown_AddressesReported()
    {
        var c = Checked.Run(Snippets.GatewayAndService + """
            apiVersion: v1
            kind: Service
            metadata:
              name: cilium-gateway-gw
              namespace: default
            spec:
              type: LoadBalancer
              ports:
              - port: 80
            status:
              loadBalancer:
                ingress:
                - ip: 172.18.0.10
            """);
        Assert.Equal(["172.18.0.10"], c.Gateway().Addresses);
    }
}
