using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Tests.Passes;

public class CheckGatewayAddressesTests
{
    private static Checked Run(string addresses) => Checked.Run($"""
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata:
          name: gw
          namespace: default
        spec:
          gatewayClassName: cilium
          addresses:
        {addresses}
          listeners:
          - name: http
            protocol: HTTP
            port: 80
        """);

    [Fact]
    public void CheckGatewayAddresses_HostnameType_ReportsMC0331AndUnsupportedAddressAndNoConfiguration()
    {
        var c = Run("  - type: Hostname\n    value: lb.example.com");
        Assert.Equal(global::Meshc.Compiler.Diagnostics.Severity.Warning, c.Single("MC0331", "type: Hostname").Severity);
        ConditionAssert.Is(c.GatewayCondition(ConditionType.Accepted), false, ConditionReason.UnsupportedAddress);
        ConditionAssert.Is(c.GatewayCondition(ConditionType.Programmed), false, ConditionReason.ListenersNotReady);
        // Cilium's operator stops before it creates the Service and the CiliumEnvoyConfig of such a Gateway.
        Assert.Empty(c.Bound.Gateways);
    }

    [Fact]
    public void CheckGatewayAddresses_IpTypeWithBadValue_ReportsMC0331()
    {
        var c = Run("  - type: IPAddress\n    value: not-an-ip");
        Assert.Contains("not an IP address", c.Single("MC0331", "type: IPAddress").Message);
    }

    [Fact]
    public void CheckGatewayAddresses_IpAndEmptyValue_AreAccepted()
    {
        // 127.0.100.7 lies in the default LB-IPAM pool, so the request is honoured too.
        var c = Run("  - type: IPAddress\n    value: 127.0.100.7\n  - type: IPAddress");
        c.Clean();
        ConditionAssert.Is(c.GatewayCondition(ConditionType.Accepted), true, ConditionReason.Accepted);
    }
}
