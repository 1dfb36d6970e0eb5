using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Tests.Passes;

public class CheckBackendWeightsTests
{
    private static Checked Run(string backends) => Checked.Run(Snippets.GatewayAndService + $"""
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

    [Theory]
    [InlineData("-1")]
    [InlineData("1000001")]
    public void CheckBackendWeights_OutOfRange_ReportsMC0304AtTheWeight(string weight)
    {
        // At the value, where the schema check sees the same fault: reported once, not twice.
        var c = Run($"    - name: web\n      port: 8080\n      weight: {weight}");
        c.Single("MC0304", $"weight: {weight}", offset: 8);
        ConditionAssert.Is(c.RouteCondition("r", ConditionType.Accepted), false, ConditionReason.UnsupportedValue);
    }

    [Fact]
    public void CheckBackendWeights_AllZero_WarnsMC0305AndRuleAnswers500()
    {
        var c = Run("    - name: web\n      port: 8080\n      weight: 0");
        Assert.Equal(global::Meshc.Compiler.Diagnostics.Severity.Warning, c.Single("MC0305", "backendRefs").Severity);
        var rule = c.Attachment("r").Rules.Single();
        Assert.True(rule.AnswersInternalError);
        Assert.Single(rule.Backends);
    }

    [Fact]
    public void CheckBackendWeights_Split_KeepsWeights()
    {
        var c = Run("    - name: web\n      port: 8080\n      weight: 90\n    - name: web\n      port: 8080\n      weight: 10");
        c.Clean();
        Assert.Equal([90L, 10L], c.Attachment("r").Rules.Single().Backends.Select(b => b.Weight));
    }
}
