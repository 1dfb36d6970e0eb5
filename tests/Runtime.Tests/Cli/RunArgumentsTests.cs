using System.Net;
using Meshc.Runtime.Cli;

namespace Meshc.Runtime.Tests.Cli;

public class RunArgumentsTests
{
    [Fact]
    public void Parse_NoBind_LeavesBindUnsetSoBindingsApply()
    {
        var (args, error) = RunArguments.Parse(["bundle/"]);
        Assert.Null(error);
        Assert.Null(args!.Bind);
    }

    [Fact]
    public void Parse_BindAndAddressFlags_AreKept()
    {
        var (args, error) = RunArguments.Parse(["in/", "--bind", "127.0.0.2", "--lb-pool", "10.1.0.0/24", "--service-cidr", "10.2.0.0/24"]);
        Assert.Null(error);
        Assert.Equal(IPAddress.Parse("127.0.0.2"), args!.Bind);
        Assert.Equal(["10.1.0.0/24"], args.Compilation.LoadBalancerPools);
        Assert.Equal("10.2.0.0/24", args.Compilation.ServiceCidr);
    }

    [Fact]
    public void Parse_BadLbPool_IsAUsageError()
    {
        var (args, error) = RunArguments.Parse(["in/", "--lb-pool", "nope"]);
        Assert.Null(args);
        Assert.Contains("--lb-pool", error);
    }
}
