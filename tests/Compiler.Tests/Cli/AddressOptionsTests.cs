using Meshc.Compiler.Cli;

namespace Meshc.Compiler.Tests.Cli;

/// <summary><c>--lb-pool</c> and <c>--service-cidr</c> on <c>compile</c> and <c>check</c>.</summary>
public sealed class AddressOptionsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("meshc-addr-").FullName;

    private const string Gateway = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: { name: gw, namespace: default }
        spec:
          gatewayClassName: cilium
          listeners: [{ name: http, protocol: HTTP, port: 80 }]
        """;

    private (int Code, string Out, string Err) Check(params string[] extra)
    {
        var file = Path.Combine(_dir, "gw.yaml");
        File.WriteAllText(file, Gateway);
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = MeshcCommand.Run(["check", file, "--status", .. extra], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Check_NoPool_GatewayGetsTheLoopbackDefault()
    {
        var (code, output, _) = Check();
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("value: 127.0.100.1", output);
    }

    [Fact]
    public void Check_LbPool_GatewayGetsItsFirstAddress()
    {
        var (code, output, _) = Check("--lb-pool", "10.8.0.0/24,10.9.0.0/24");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("value: 10.8.0.1", output);
    }

    [Fact]
    public void Check_LbPoolNone_GatewayWaitsForAnAddressAsCiliumReportsIt()
    {
        var (code, output, err) = Check("--lb-pool", "none");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("addresses: []", output);
        Assert.Contains("reason: AddressNotAssigned", output);
        Assert.Contains("reason: Pending", output);
        Assert.Contains("warning MC0460: Gateway 'default/gw' gets no address: the cluster has no LB IPAM", err);
    }

    [Theory]
    [InlineData("--lb-pool", "10.8.0.0/33")]
    [InlineData("--lb-pool", "fd00::/64")]
    [InlineData("--service-cidr", "10.96.0.0")]
    public void Check_BadCidr_ExitsTwoNamingTheFlag(string flag, string value)
    {
        var (code, _, err) = Check(flag, value);
        Assert.Equal(ExitCodes.UsageOrIo, code);
        Assert.Contains($"{flag}: '{value}' is not an IPv4 CIDR", err);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
