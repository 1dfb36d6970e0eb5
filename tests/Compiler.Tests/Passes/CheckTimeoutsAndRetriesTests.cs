using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Tests.Passes;

public class CheckTimeoutsAndRetriesTests
{
    private static Checked Run(string extra) => Checked.Run(Snippets.GatewayAndService + $"""
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
            - name: web
              port: 8080
        {extra}
        """);

    [Fact]
    public void CheckTimeouts_BackendLongerThanRequest_ReportsMC0321()
    {
        var c = Run("    timeouts:\n      request: 5s\n      backendRequest: 10s");
        Assert.Contains("backendRequest (10s) is longer than request (5s)", c.Single("MC0321", "request: 5s").Message);
        ConditionAssert.Is(c.RouteCondition("r", ConditionType.Accepted), false, ConditionReason.UnsupportedValue);
    }

    [Fact]
    public void CheckTimeouts_ZeroRequestMeansNone_IsClean() =>
        Run("    timeouts:\n      request: 0s\n      backendRequest: 10s").Clean();

    [Fact]
    public void CheckRetries_CodeOutside4xx5xx_ReportsMC0330()
    {
        var c = Run("    retry:\n      codes: [503, 302]\n      attempts: 2");
        Assert.Contains("302", c.Single("MC0330", "codes:").Message);
    }

    [Fact]
    public void CheckRetries_NegativeAttempts_ReportsMC0330()
    {
        var c = Run("    retry:\n      attempts: -1");
        Assert.Contains("negative", c.Single("MC0330", "attempts: -1").Message);
    }
}
