using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Tests.Passes;

public class CheckListenerConflictsTests
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
          - name: first
            protocol: HTTP
            port: 80
            hostname: a.example.com
        {listeners}
        """);

    [Fact]
    public void CheckListenerConflicts_HttpAndHttpsOnOnePort_ReportsMC0302AndConflictsBoth()
    {
        var c = Run("  - name: second\n    protocol: HTTPS\n    port: 80\n    tls:\n      certificateRefs:\n      - name: s");
        c.Single("MC0302", "name: second");
        foreach (var name in new[] { "first", "second" })
        {
            ConditionAssert.Is(c.ListenerCondition(name, ConditionType.Conflicted), true, ConditionReason.ProtocolConflict);
            // Cilium's reason for a listener it does not accept is Invalid; the conflict's kind is on Conflicted.
            ConditionAssert.Is(c.ListenerCondition(name, ConditionType.Accepted), false, ConditionReason.Invalid);
        }
        Assert.Empty(c.Bound.Gateways);
    }

    [Fact]
    public void CheckListenerConflicts_SamePortProtocolHostname_ReportsMC0303()
    {
        var c = Run("  - name: second\n    protocol: HTTP\n    port: 80\n    hostname: a.example.com\n  - name: third\n    protocol: HTTP\n    port: 80");
        Assert.Contains("'a.example.com'", c.Single("MC0303", "name: second").Message);
        ConditionAssert.Is(c.ListenerCondition("second", ConditionType.Conflicted), true, ConditionReason.HostnameConflict);
        ConditionAssert.Is(c.ListenerCondition("first", ConditionType.Conflicted), true, ConditionReason.HostnameConflict);
        Assert.False(c.HasListenerCondition("third", ConditionType.Conflicted));
        Assert.True(c.BoundListener("third").Valid);
    }

    [Fact]
    public void CheckListenerConflicts_DistinctHostnamesOrPorts_NoConflict()
    {
        var c = Run("  - name: second\n    protocol: HTTP\n    port: 80\n    hostname: b.example.com\n  - name: third\n    protocol: HTTP\n    port: 81\n    hostname: a.example.com");
        c.Clean();
    }

    [Fact]
    public void CheckListenerConflicts_UnsupportedProtocolOnSamePort_TakesNoPart()
    {
        var c = Run("  - name: second\n    protocol: TCP\n    port: 80");
        Assert.Empty(c.WithCode("MC0302"));
        Assert.False(c.HasListenerCondition("first", ConditionType.Conflicted));
    }
}
