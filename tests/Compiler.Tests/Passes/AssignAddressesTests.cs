using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Tests.Passes;

public class AssignAddressesTests
{
    private static string Gateway(string name, string extra = "") => $"""
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata:
          name: {name}
          namespace: default
        spec:
          gatewayClassName: cilium
        {extra}  listeners:
          - name: http
            protocol: HTTP
            port: 80
        ---

        """;

    private static string Pool(string name, string blocks, string extra = "") => $"""
        apiVersion: cilium.io/v2
        kind: CiliumLoadBalancerIPPool
        metadata:
          name: {name}
        spec:
          blocks:
        {blocks}
        {extra}---

        """;

    /// <summary>The start of Gateway <paramref name="name"/>'s document, where findings about the Gateway point.</summary>
    private static string DocumentOf(string name) => $"apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: {name}\n";

    private static string? Address(Checked c, string gateway) => c.Gateway(gateway).Addresses.SingleOrDefault();

    [Fact]
    public void AssignGatewayAddresses_DefaultPool_GivesLoopbackAddressesInNameOrder()
    {
        var c = Checked.Run(Gateway("c") + Gateway("a") + Gateway("b"));
        c.Clean();
        Assert.Equal(["127.0.100.1", "127.0.100.2", "127.0.100.3"], new[] { "a", "b", "c" }.Select(g => Address(c, g)));
        ConditionAssert.Is(c.GatewayCondition(ConditionType.Programmed, "a"), true, ConditionReason.Programmed);
    }

    [Fact]
    public void AssignGatewayAddresses_GatewayAddedLaterInOrder_KeepsEarlierAddresses()
    {
        var before = Checked.Run(Gateway("a") + Gateway("m"));
        var after = Checked.Run(Gateway("z") + Gateway("a") + Gateway("m"));
        Assert.Equal(Address(before, "a"), Address(after, "a"));
        Assert.Equal(Address(before, "m"), Address(after, "m"));
        Assert.Equal("127.0.100.3", Address(after, "z"));
    }

    [Fact]
    public void AssignGatewayAddresses_RequestInSelectingPool_IsHonoured()
    {
        var c = Checked.Run(Gateway("a") + Gateway("b", "  addresses:\n  - type: IPAddress\n    value: 127.0.100.1\n") + Gateway("c"));
        // a comes first and takes .1 before b asks for it; b cannot have it.
        Assert.Equal("127.0.100.1", Address(c, "a"));
        c.Single("MC0361", "type: IPAddress");
        ConditionAssert.Is(c.GatewayCondition(ConditionType.Programmed, "b"), false, ConditionReason.AddressNotUsable);
        ConditionAssert.Is(c.GatewayCondition(ConditionType.Accepted, "b"), true, ConditionReason.Accepted);
        Assert.Null(Address(c, "b"));
        Assert.Equal("127.0.100.2", Address(c, "c"));

        var honoured = Checked.Run(Gateway("a", "  addresses:\n  - type: IPAddress\n    value: 127.0.100.40\n") + Gateway("b"));
        honoured.Clean();
        Assert.Equal("127.0.100.40", Address(honoured, "a"));
        Assert.Equal("127.0.100.1", Address(honoured, "b"));
    }

    [Fact]
    public void AssignGatewayAddresses_LbIpamAnnotation_WinsOverSpecAddresses()
    {
        var c = Checked.Run(Gateway("a", "  infrastructure:\n    annotations:\n      io.cilium/lb-ipam-ips: 127.0.100.9\n" +
                                         "  addresses:\n  - type: IPAddress\n    value: 127.0.100.8\n"));
        c.Clean();
        Assert.Equal("127.0.100.9", Address(c, "a"));
    }

    [Fact]
    public void AssignGatewayAddresses_RequestOutsideEveryPool_ReportsMC0362AndAddressNotUsable()
    {
        var c = Checked.Run(Gateway("gw", "  addresses:\n  - type: IPAddress\n    value: 10.1.2.3\n"));
        Assert.Contains("10.1.2.3", c.Single("MC0362", "type: IPAddress").Message);
        ConditionAssert.Is(c.GatewayCondition(ConditionType.Programmed), false, ConditionReason.AddressNotUsable);
        Assert.Empty(c.Gateway().Addresses);
    }

    [Fact]
    public void AssignGatewayAddresses_PoolExhausted_ReportsMC0460AndAddressNotAssigned()
    {
        var c = Checked.Run(Pool("one", "  - start: 10.0.0.7") + Gateway("a") + Gateway("b"));
        Assert.Equal("10.0.0.7", Address(c, "a"));
        var finding = c.Single("MC0460", DocumentOf("b"));
        Assert.Contains("exhausted (one)", finding.Message);
        ConditionAssert.Is(c.GatewayCondition(ConditionType.Programmed, "b"), false, ConditionReason.AddressNotAssigned);
    }

    [Fact]
    public void AssignGatewayAddresses_ServiceSelector_PicksThePoolThatSelectsTheGateway()
    {
        var c = Checked.Run(
            Pool("a-only", "  - cidr: 10.0.0.0/30", "  serviceSelector:\n    matchLabels:\n      gateway.networking.k8s.io/gateway-name: b\n") +
            Pool("b-rest", "  - cidr: 10.1.0.0/24", "  serviceSelector:\n    matchExpressions:\n    - key: io.cilium.gateway/owning-gateway\n      operator: NotIn\n      values: [b]\n") +
            Gateway("a") + Gateway("b"));
        c.Clean();
        // A /30 keeps its network and broadcast address out (Cilium's allowFirstLastIPs: No).
        Assert.Equal("10.0.0.1", Address(c, "b"));
        Assert.Equal("10.1.0.1", Address(c, "a"));
    }

    [Fact]
    public void AssignGatewayAddresses_DisabledOrNoSelectingPool_ReportsMC0460()
    {
        var c = Checked.Run(Pool("off", "  - cidr: 10.0.0.0/24", "  disabled: true\n") + Gateway("gw"));
        Assert.Contains("no enabled", c.Single("MC0460", DocumentOf("gw")).Message);
    }

    [Fact]
    public void ReadIpPool_BadBlocksAndOverlap_AreReportedWhereWritten()
    {
        var c = Checked.Run(
            Pool("p1", "  - cidr: 10.0.0.0/24\n  - start: 10.5.0.9\n    stop: 10.5.0.1\n  - cidr: fd00::/120") +
            Pool("p2", "  - cidr: 10.0.0.128/25") + Gateway("gw"));
        c.Single("MC0125", "start: 10.5.0.9");
        c.Single("MC0126", "cidr: fd00::/120");
        Assert.Contains("'p1' at 10.0.0.128", c.Single("MC0360", "cidr: 10.0.0.128/25").Message);
        Assert.Equal("10.0.0.1", Address(c, "gw"));
    }

    [Fact]
    public void AssignAddresses_CliPoolAndServiceCidr_ReplaceTheDefaults()
    {
        var yaml = Gateway("gw") + """
            apiVersion: v1
            kind: Service
            metadata: { name: fixed, namespace: default }
            spec: { clusterIP: 10.96.0.5, ports: [{ port: 80 }] }
            ---
            apiVersion: v1
            kind: Service
            metadata: { name: free, namespace: default }
            spec: { ports: [{ port: 80 }] }
            """;
        var options = CompilationOptions.Default with { LoadBalancerPools = ValueList.Of("10.9.0.0/24"), ServiceCidr = "10.50.0.0/24" };
        var c = Checked.Run(yaml, options);
        c.Clean();
        Assert.Equal("10.9.0.1", Address(c, "gw"));
        var table = c.Bound.Addresses;
        Assert.Equal(new ServiceAddressBinding("default", "fixed", "10.96.0.5", false, table.FindService("default", "fixed")!.Origin), table.FindService("default", "fixed"));
        // Services without a clusterIP, and the Gateway's generated one, get addresses in namespace/name order.
        Assert.Equal("10.50.0.1", table.FindGateway(new ObjectKey(ObjectKind.Gateway, "default", "gw"))!.ServiceClusterIp);
        Assert.Equal(("10.50.0.2", true), (table.FindService("default", "free")!.ClusterIp, table.FindService("default", "free")!.Assigned));
    }

    [Fact]
    public void AssignAddresses_SameInputInAnotherOrder_GivesTheSameTable()
    {
        var one = Checked.Run(Gateway("x") + Gateway("y") + Pool("p", "  - cidr: 10.3.0.0/28"));
        var two = Checked.Run(Pool("p", "  - cidr: 10.3.0.0/28") + Gateway("y") + Gateway("x"));
        Assert.Equal(one.Bound.Addresses with { Services = default }, two.Bound.Addresses with { Services = default });
        Assert.Equal(["10.3.0.1", "10.3.0.2"], new[] { "x", "y" }.Select(g => Address(one, g)));
    }
}
