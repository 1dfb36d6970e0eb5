using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Tests.Passes;

public class ResolveParentRefsTests
{
    /// <summary>Gateway <c>default/gw</c>: <c>http</c> :80 (all namespaces), <c>https-ish</c> :8080 for *.example.com (same namespace).</summary>
    private const string Gateway = """
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
            allowedRoutes:
              namespaces:
                from: All
          - name: wild
            protocol: HTTP
            port: 8080
            hostname: "*.example.com"
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: default
        spec:
          ports:
          - port: 8080
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata:
          name: web-1
          namespace: default
          labels:
            kubernetes.io/service-name: web
        addressType: IPv4
        endpoints: []
        ---

        """;

    private static Checked Run(string parents, string hostnames = "", string ns = "default", string extra = "") =>
        Checked.Run(Gateway + extra + $"""
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: r
              namespace: {ns}
              generation: 7
            spec:
              parentRefs:
            {parents}
              hostnames: [{hostnames}]
              rules:
              - backendRefs:
                - name: web
                  namespace: default
                  port: 8080
            """);

    [Fact]
    public void ResolveParentRefs_WholeGateway_AttachesToEveryAdmittingListener()
    {
        var c = Run("  - name: gw", "\"a.example.com\"");
        c.Clean();
        Assert.Equal(["a.example.com"], c.Attachment("r", "http").Hostnames);
        Assert.Equal(["a.example.com"], c.Attachment("r", "wild").Hostnames);
        Assert.Equal(1, c.Listener("http").AttachedRoutes);
        Assert.Equal(1, c.Listener("wild").AttachedRoutes);
        var parent = c.Route("r").Parents.Single();
        Assert.Equal("io.cilium/gateway-controller", parent.ControllerName);
        Assert.Equal("gw", parent.ParentRef.Name);
        Assert.All(parent.Conditions, x => Assert.Equal(7, x.ObservedGeneration));
        ConditionAssert.Is(c.RouteCondition("r", ConditionType.Accepted), true, ConditionReason.Accepted);
        ConditionAssert.Is(c.RouteCondition("r", ConditionType.ResolvedRefs), true, ConditionReason.ResolvedRefs);
    }

    [Fact]
    public void ResolveParentRefs_NoRouteHostnames_ServesAllOrListenerHostname()
    {
        var c = Run("  - name: gw");
        Assert.Empty(c.Attachment("r", "http").Hostnames);
        Assert.Equal(["*.example.com"], c.Attachment("r", "wild").Hostnames);
    }

    [Fact]
    public void ResolveParentRefs_NotAGateway_WarnsMC0222AndWritesNoStatus()
    {
        var c = Run("  - name: web\n    kind: ServiceImport\n    group: multicluster.x-k8s.io");
        Assert.Equal(global::Meshc.Compiler.Diagnostics.Severity.Warning, c.Single("MC0222", "name: web\n    kind: ServiceImport").Severity);
        Assert.Empty(c.Status.Routes);
    }

    [Fact]
    public void ResolveParentRefs_GatewayMissing_ReportsMC0202WithHintAndNoMatchingParent()
    {
        var c = Run("  - name: gx");
        Assert.Equal("did you mean 'gw'?", c.Single("MC0202", "name: gx").Hint);
        ConditionAssert.Is(c.RouteCondition("r", ConditionType.Accepted), false, ConditionReason.NoMatchingParent);
    }

    [Fact]
    public void ResolveParentRefs_OtherControllersGateway_IsSkippedSilently()
    {
        var c = Run("  - name: theirs", extra: """
            apiVersion: gateway.networking.k8s.io/v1
            kind: GatewayClass
            metadata:
              name: other
            spec:
              controllerName: example.io/gw
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata:
              name: theirs
              namespace: default
            spec:
              gatewayClassName: other
              listeners:
              - name: http
                protocol: HTTP
                port: 80
            ---

            """);
        Assert.Empty(c.Diagnostics.Where(d => d.Severity != global::Meshc.Compiler.Diagnostics.Severity.Info));
        Assert.Empty(c.Status.Routes);
    }

    [Fact]
    public void ResolveParentRefs_UnknownSection_ReportsMC0203WithHint()
    {
        var c = Run("  - name: gw\n    sectionName: htp");
        Assert.Equal("did you mean 'http'?", c.Single("MC0203", "name: gw\n    sectionName").Hint);
        ConditionAssert.Is(c.RouteCondition("r", ConditionType.Accepted), false, ConditionReason.NoMatchingParent);
    }

    [Fact]
    public void ResolveParentRefs_UnknownPort_ReportsMC0204()
    {
        var c = Run("  - name: gw\n    port: 81");
        c.Single("MC0204", "name: gw\n    port");
        ConditionAssert.Is(c.RouteCondition("r", ConditionType.Accepted), false, ConditionReason.NoMatchingParent);
    }

    [Fact]
    public void ResolveParentRefs_SectionAndPortOfDifferentListeners_ReportsMC0204WithHint()
    {
        var c = Run("  - name: gw\n    sectionName: http\n    port: 8080");
        Assert.Equal("listener 'http' is on port 80", c.Single("MC0204", "name: gw\n    sectionName").Hint);
    }

    [Fact]
    public void ResolveParentRefs_PortSelectsListener_AttachesOnlyThere()
    {
        var c = Run("  - name: gw\n    port: 8080");
        Assert.Equal(0, c.Listener("http").AttachedRoutes);
        Assert.Equal(1, c.Listener("wild").AttachedRoutes);
    }

    [Fact]
    public void ResolveParentRefs_OtherNamespaceOnSameOnlyListener_ReportsMC0209()
    {
        var c = Run("  - name: gw\n    namespace: default\n    sectionName: wild", ns: "team");
        Assert.Contains("admits routes only from namespace 'default'", c.Single("MC0209", "name: gw\n    namespace").Message);
        ConditionAssert.Is(c.RouteCondition("r", ConditionType.Accepted), false, ConditionReason.NotAllowedByListeners);
    }

    [Fact]
    public void ResolveParentRefs_OtherNamespaceWholeGateway_AttachesWhereAllowed()
    {
        var c = Run("  - name: gw\n    namespace: default", ns: "team", extra: ReferenceGrantForTeam);
        c.Clean();
        Assert.Equal(1, c.Listener("http").AttachedRoutes);
        Assert.Equal(0, c.Listener("wild").AttachedRoutes);
    }

    [Fact]
    public void ResolveParentRefs_SelectorMatchesNamespaceLabels_Attaches()
    {
        var c = Checked.Run(SelectorGateway + """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: team
              labels:
                env: prod
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: r
              namespace: team
            spec:
              parentRefs:
              - name: gw
                namespace: default
            """);
        Assert.Empty(c.WithCode("MC0209"));
        Assert.Equal(1, c.Listener("http").AttachedRoutes);
    }

    [Fact]
    public void ResolveParentRefs_SelectorDoesNotMatch_ReportsMC0209()
    {
        var c = Checked.Run(SelectorGateway + """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: r
              namespace: team
            spec:
              parentRefs:
              - name: gw
                namespace: default
            """);
        Assert.Contains("selector", c.Single("MC0209", "name: gw\n    namespace").Message);
    }

    [Fact]
    public void ResolveParentRefs_KindNotAllowed_ReportsMC0210()
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
              - name: http
                protocol: HTTP
                port: 80
                allowedRoutes:
                  kinds:
                  - kind: GRPCRoute
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: r
              namespace: default
            spec:
              parentRefs:
              - name: gw
            """);
        Assert.Contains("accept GRPCRoute", c.Single("MC0210", "- name: gw", offset: 2).Message);
        ConditionAssert.Is(c.RouteCondition("r", ConditionType.Accepted), false, ConditionReason.NotAllowedByListeners);
    }

    [Fact]
    public void ResolveParentRefs_NoHostnameIntersection_ReportsMC0211Once()
    {
        var c = Run("  - name: gw\n    sectionName: wild", "\"a.example.org\"");
        c.Single("MC0211", "name: gw\n    sectionName");
        ConditionAssert.Is(c.RouteCondition("r", ConditionType.Accepted), false, ConditionReason.NoMatchingListenerHostname);
        Assert.Equal(0, c.Listener("wild").AttachedRoutes);
    }

    [Fact]
    public void ResolveParentRefs_RouteHostnameInvalid_ReportsMC0313AndRejects()
    {
        var c = Run("  - name: gw", "\"Bad.example.com\"");
        c.Single("MC0313", "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute");
        ConditionAssert.Is(c.RouteCondition("r", ConditionType.Accepted), false, ConditionReason.UnsupportedValue);
    }

    [Fact]
    public void ResolveParentRefs_ListenerIsolation_MoreSpecificListenerTakesHostname()
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
              - name: any
                protocol: HTTP
                port: 80
              - name: wild
                protocol: HTTP
                port: 80
                hostname: "*.example.com"
              - name: exact
                protocol: HTTP
                port: 80
                hostname: abc.example.com
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: r
              namespace: default
            spec:
              parentRefs:
              - name: gw
              hostnames: [abc.example.com, x.example.com, other.org]
            """);
        Assert.Equal(["other.org"], c.Attachment("r", "any").Hostnames);
        Assert.Equal(["x.example.com"], c.Attachment("r", "wild").Hostnames);
        Assert.Equal(["abc.example.com"], c.Attachment("r", "exact").Hostnames);
    }

    [Fact]
    public void ResolveParentRefs_IsolatedAway_StillCountsAsAttachedButNotBound()
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
              - name: wild
                protocol: HTTP
                port: 80
                hostname: "*.example.com"
              - name: exact
                protocol: HTTP
                port: 80
                hostname: abc.example.com
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: r
              namespace: default
            spec:
              parentRefs:
              - name: gw
                sectionName: wild
              hostnames: [abc.example.com]
            """);
        Assert.Empty(c.WithCode("MC0211"));
        Assert.Equal(1, c.Listener("wild").AttachedRoutes);
        Assert.Empty(c.BoundListener("wild").Routes);
    }

    private const string ReferenceGrantForTeam = """
        apiVersion: gateway.networking.k8s.io/v1beta1
        kind: ReferenceGrant
        metadata:
          name: team-to-web
          namespace: default
        spec:
          from:
          - group: gateway.networking.k8s.io
            kind: HTTPRoute
            namespace: team
          to:
          - group: ""
            kind: Service
        ---

        """;

    private const string SelectorGateway = """
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
            allowedRoutes:
              namespaces:
                from: Selector
                selector:
                  matchLabels:
                    env: prod
        ---

        """;
}
