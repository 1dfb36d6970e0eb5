using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Tests.Passes;

public class ResolveBackendsTests
{
    private const string OtherNamespace = """
        apiVersion: v1
        kind: Service
        metadata:
          name: api
          namespace: other
        spec:
          ports:
          - port: 9090
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata:
          name: api-1
          namespace: other
          labels:
            kubernetes.io/service-name: api
        addressType: IPv4
        endpoints: []
        ---

        """;

    private static Checked Run(string backends, string extra = "") => Checked.Run(Snippets.GatewayAndService + OtherNamespace + extra + $"""
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
        {backends}
        """);

    [Fact]
    public void ResolveBackends_ServiceMissing_ReportsMC0201WithHintAndBackendNotFound()
    {
        var c = Run("    - name: wep\n      port: 8080\n    - name: web\n      port: 8080\n      weight: 3");
        var d = c.Single("MC0201", "name: wep");
        Assert.Equal("backendRef names Service 'default/wep', which does not exist", d.Message);
        Assert.Equal("did you mean 'web'?", d.Hint);
        ConditionAssert.Is(c.RouteCondition("r", ConditionType.ResolvedRefs), false, ConditionReason.BackendNotFound);
        ConditionAssert.Is(c.RouteCondition("r", ConditionType.Accepted), true, ConditionReason.Accepted);
        var rule = c.Attachment("r").Rules.Single();
        Assert.Equal("web", rule.Backends.Single().Target.Name);
        Assert.Equal(1, rule.UnresolvedWeight);
        Assert.False(rule.AnswersInternalError);
    }

    [Fact]
    public void ResolveBackends_PortMissingOnService_ReportsMC0208()
    {
        var c = Run("    - name: web\n      port: 9999");
        Assert.Equal("it has 8080", c.Single("MC0208", "name: web\n      port: 9999").Hint);
        ConditionAssert.Is(c.RouteCondition("r", ConditionType.ResolvedRefs), false, ConditionReason.BackendNotFound);
        Assert.True(c.Attachment("r").Rules.Single().AnswersInternalError);
    }

    [Fact]
    public void ResolveBackends_NoPort_ReportsMC0207AndInvalidKind()
    {
        var c = Run("    - name: web");
        c.Single("MC0207", "    - name: web", offset: 6);
        ConditionAssert.Is(c.RouteCondition("r", ConditionType.ResolvedRefs), false, ConditionReason.InvalidKind);
    }

    [Fact]
    public void ResolveBackends_NotAService_ReportsMC0206AndInvalidKind()
    {
        var c = Run("    - name: web\n      group: example.io\n      kind: Bucket\n      port: 8080");
        Assert.Contains("kind example.io/Bucket", c.Single("MC0206", "name: web\n      group").Message);
        ConditionAssert.Is(c.RouteCondition("r", ConditionType.ResolvedRefs), false, ConditionReason.InvalidKind);
    }

    [Fact]
    public void ResolveBackends_CrossNamespaceWithoutGrant_ReportsMC0205AndRefNotPermitted()
    {
        var c = Run("    - name: api\n      namespace: other\n      port: 9090");
        c.Single("MC0205", "name: api\n      namespace: other");
        ConditionAssert.Is(c.RouteCondition("r", ConditionType.ResolvedRefs), false, ConditionReason.RefNotPermitted);
        Assert.True(c.Attachment("r").Rules.Single().AnswersInternalError);
    }

    [Fact]
    public void ResolveBackends_CrossNamespaceWithGrant_Resolves()
    {
        var c = Run("    - name: api\n      namespace: other\n      port: 9090", """
            apiVersion: gateway.networking.k8s.io/v1beta1
            kind: ReferenceGrant
            metadata:
              name: allow
              namespace: other
            spec:
              from:
              - group: gateway.networking.k8s.io
                kind: HTTPRoute
                namespace: default
              to:
              - group: ""
                kind: Service
                name: api
            ---

            """);
        c.Clean();
        Assert.Equal("other:api:9090", c.Attachment("r").Rules.Single().Backends.Single().Target.ClusterName);
    }

    [Fact]
    public void ResolveBackends_Resolved_CarriesAppProtocol() =>
        Assert.Equal("kubernetes.io/h2c", Run("    - name: web\n      port: 8080").Attachment("r").Rules.Single().Backends.Single().Target.AppProtocol);

    [Fact]
    public void ResolveBackends_MirrorServiceMissing_ReportsMC0225AndDropsMirror()
    {
        var c = Checked.Run(Snippets.GatewayAndService + """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: r
              namespace: default
            spec:
              parentRefs:
              - name: gw
              rules:
              - filters:
                - type: RequestMirror
                  requestMirror:
                    backendRef:
                      name: shadow
                      port: 8080
                backendRefs:
                - name: web
                  port: 8080
            """);
        c.Single("MC0225", "name: shadow");
        ConditionAssert.Is(c.RouteCondition("r", ConditionType.ResolvedRefs), false, ConditionReason.BackendNotFound);
        var rule = c.Attachment("r").Rules.Single();
        Assert.Empty(rule.Mirrors);
        Assert.False(rule.AnswersInternalError);
    }

    [Fact]
    public void ResolveBackends_RuleWithoutBackends_WarnsMC0319AndAnswers500()
    {
        var c = Checked.Run(Snippets.GatewayAndService + """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: r
              namespace: default
            spec:
              parentRefs:
              - name: gw
              rules:
              - matches:
                - path:
                    value: /empty
            """);
        c.Single("MC0319", "matches:");
        Assert.True(c.Attachment("r").Rules.Single().AnswersInternalError);
    }

    [Fact]
    public void ResolveBackends_RouteOnTwoListeners_ReportsEachBadBackendOnce()
    {
        var c = Checked.Run("""
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata:
              name: gw
              namespace: default
            spec:
              gatewayClassName: cilium
              listeners:
              - name: a
                protocol: HTTP
                port: 80
              - name: b
                protocol: HTTP
                port: 8080
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: r
              namespace: default
            spec:
              parentRefs:
              - name: gw
              - name: gw
                sectionName: b
              rules:
              - backendRefs:
                - name: nope
                  port: 80
            """);
        c.Single("MC0201", "name: nope");
        Assert.Equal(2, c.Route("r").Parents.Count);
        Assert.Equal(1, c.Listener("a").AttachedRoutes);
        Assert.Equal(1, c.Listener("b").AttachedRoutes);
    }
}
