using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Tests.Passes;

public class CheckRouteMatchesTests
{
    private static Checked Run(string matches) => Checked.Run(Snippets.GatewayAndService + $"""
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
        {matches}
            backendRefs:
            - name: web
              port: 8080
        """);

    [Fact]
    public void CheckRouteMatches_BadPathRegex_ReportsMC0306AtValueAndRejectsRoute()
    {
        var c = Run("    - path:\n        type: RegularExpression\n        value: /a(?=b)");
        Assert.Contains("lookaround", c.Single("MC0306", "/a(?=b)").Message);
        ConditionAssert.Is(c.RouteCondition("r", ConditionType.Accepted), false, ConditionReason.UnsupportedValue);
        Assert.Empty(c.BoundListener("http").Routes);
        Assert.Equal(0, c.Listener("http").AttachedRoutes);
    }

    [Fact]
    public void CheckRouteMatches_BadHeaderRegex_ReportsMC0306AtHeader()
    {
        var c = Run("    - headers:\n      - type: RegularExpression\n        name: x-v\n        value: (a");
        c.Single("MC0306", "type: RegularExpression");
    }

    [Fact]
    public void CheckRouteMatches_BadQueryRegex_ReportsMC0306()
    {
        var c = Run("    - queryParams:\n      - type: RegularExpression\n        name: q\n        value: a++");
        c.Single("MC0306", "type: RegularExpression");
    }

    [Fact]
    public void CheckRouteMatches_BadHeaderName_ReportsMC0307()
    {
        var c = Run("    - headers:\n      - name: x bad\n        value: v");
        c.Single("MC0307", "name: x bad");
    }

    [Theory]
    [InlineData("Exact", "api", "start with '/'")]
    [InlineData("PathPrefix", "/a//b", "'//'")]
    [InlineData("PathPrefix", "/a/../b", "segments")]
    [InlineData("Exact", "/a?b=1", "query")]
    public void CheckRouteMatches_BadPath_ReportsMC0312(string type, string value, string reason)
    {
        var c = Run($"    - path:\n        type: {type}\n        value: {value}");
        Assert.Contains(reason, c.Single("MC0312", $"value: {value}", offset: 7).Message);
    }

    [Fact]
    public void CheckRouteMatches_ValidMatches_AreClean()
    {
        var c = Run("    - path:\n        type: RegularExpression\n        value: /v[0-9]+/.*\n      headers:\n      - name: x-env\n        value: prod\n      method: GET");
        c.Clean();
        ConditionAssert.Is(c.RouteCondition("r", ConditionType.Accepted), true, ConditionReason.Accepted);
    }

    [Fact]
    public void CheckRouteMatches_GrpcMethodRegex_ReportsMC0306()
    {
        var c = Checked.Run(Snippets.GatewayAndService + """
            apiVersion: gateway.networking.k8s.io/v1
            kind: GRPCRoute
            metadata:
              name: g
              namespace: default
            spec:
              parentRefs:
              - name: gw
              rules:
              - matches:
                - method:
                    type: RegularExpression
                    service: "svc(?!x)"
                backendRefs:
                - name: web
                  port: 8080
            """);
        c.Single("MC0306", "type: RegularExpression");
    }
}
