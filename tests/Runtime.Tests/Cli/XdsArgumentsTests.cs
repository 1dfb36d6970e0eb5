using Meshc.Runtime.Cli;

namespace Meshc.Runtime.Tests.Cli;

/// <summary><c>meshc run --xds HOST:PORT --node NAME [--node-cluster SELECTOR]</c>.</summary>
public sealed class XdsArgumentsTests
{
    [Fact]
    public void Xds_WithNode_ParsesTheServerAndUsesTheNodeAsCluster()
    {
        var (args, error) = RunArguments.Parse(["--xds", "127.0.0.1:18000", "--node", "default/gw", "--port-offset", "10000"]);
        Assert.Null(error);
        Assert.Equal(new Uri("http://127.0.0.1:18000"), args!.Xds!.Server);
        Assert.Equal("default/gw", args.Xds.NodeId);
        Assert.Equal("default/gw", args.Xds.NodeCluster);
        Assert.Equal(10000, args.PortOffset);
    }

    [Fact]
    public void NodeCluster_IsWhatTheServerSelectsBy()
    {
        var (args, _) = RunArguments.Parse(["--xds", "http://xds.example:18000", "--node", "worker-3", "--node-cluster", "east-west"]);
        Assert.Equal(("worker-3", "east-west"), (args!.Xds!.NodeId, args.Xds.NodeCluster));
    }

    [Theory]
    [InlineData("--xds needs --node", "--xds", "127.0.0.1:18000")]
    [InlineData("is not HOST:PORT", "--xds", "127.0.0.1", "--node", "n")]
    [InlineData("is not HOST:PORT", "--xds", "https://127.0.0.1:18000", "--node", "n")]
    [InlineData("takes no bundle or inputs", "--xds", "127.0.0.1:18000", "--node", "n", "out/")]
    [InlineData("compile options", "--xds", "127.0.0.1:18000", "--node", "n", "--lb-pool", "10.0.0.0/24")]
    [InlineData("need --xds", "--node", "n", "out/")]
    public void Mistakes_AreUsageErrors(string expected, params string[] argv)
    {
        var (args, error) = RunArguments.Parse(argv);
        Assert.Null(args);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
