namespace Meshc.Compiler.Tests.Passes;

public class CheckServiceEndpointsTests
{
    private const string Input = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata:
          name: gw
          namespace: default
        spec:
          gatewayClassName: cilium
          listeners:
          - name: http
            protocol: HTTP
            port: 80
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: lonely
          namespace: default
        spec:
          ports:
          - port: 80
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: picked
          namespace: default
        spec:
          selector:
            app: picked
          ports:
          - port: 80
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: picked
          namespace: default
        spec:
          template:
            metadata:
              labels:
                app: picked
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: unused
          namespace: default
        spec:
          ports:
          - port: 80
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: r
          namespace: default
        spec:
          parentRefs:
          - name: gw
          rules:
          - backendRefs:
            - name: lonely
              port: 80
            - name: picked
              port: 80
          - backendRefs:
            - name: lonely
              port: 80
        """;

    [Fact]
    public void CheckServiceEndpoints_UsedServiceWithoutEndpoints_WarnsMC0217OncePerService()
    {
        var c = Checked.Run(Input);
        var d = c.Single("MC0217", "apiVersion: v1\nkind: Service\nmetadata:\n  name: lonely");
        Assert.Contains("'default/lonely'", d.Message);
    }

    [Fact]
    public void CheckServiceEndpoints_ServiceNothingNames_IsOnlyInformationMC0540()
    {
        var c = Checked.Run(Input);
        var d = c.Single("MC0540", "apiVersion: v1\nkind: Service\nmetadata:\n  name: unused");
        Assert.Contains("'default/unused'", d.Message);
        Assert.Single(c.WithCode("MC0540"));
    }

    [Fact]
    public void CheckServiceEndpoints_GammaParentServiceWithoutEndpoints_IsNotReported()
    {
        // The parent Service of a GAMMA route is the route's frontend; it needs no endpoints of its own.
        var c = Checked.Run(Input + """

            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: mesh
              namespace: default
            spec:
              parentRefs:
              - group: ""
                kind: Service
                name: unused
                port: 80
              rules:
              - backendRefs:
                - name: picked
                  port: 80
            """);
        Assert.DoesNotContain(c.Diagnostics, d => d.Message.Contains("'default/unused'", StringComparison.Ordinal));
    }
}
