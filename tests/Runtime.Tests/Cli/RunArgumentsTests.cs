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

    [Theory]
    [InlineData("--port-offset", "abc", "--port-offset needs a whole number from -65535 to 65535, not 'abc'")]
    [InlineData("--admin-port", "9x", "--admin-port needs a whole number from 1 to 65535, not '9x'")]
    [InlineData("--bind", "not-an-address", "--bind needs an IPv4 or IPv6 address such as 127.0.0.1 or ::1, not 'not-an-address'")]
    public void Parse_BadValue_SaysWhichOptionWithoutDotNetText(string option, string value, string expected)
    {
        var (args, error) = RunArguments.Parse(["in/", option, value]);
        Assert.Null(args);
        Assert.Equal(expected, error);
    }

    [Fact]
    public async Task Run_Help_PrintsUsageAndOptionsAndExitsZero()
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        Assert.Equal(0, await RunCommand.Run(["--help"], stdout, stderr));
        Assert.StartsWith("usage: meshc run ", stdout.ToString());
        Assert.Contains("--demo-backends", stdout.ToString());
        Assert.Empty(stderr.ToString());
    }

    [Fact]
    public async Task Run_BadNumber_ExitsTwoWithUsage()
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        Assert.Equal(2, await RunCommand.Run(["bundle/", "--port-offset", "ten"], stdout, stderr));
        Assert.StartsWith("meshc run: --port-offset needs a whole number from -65535 to 65535, not 'ten'", stderr.ToString());
        Assert.DoesNotContain("input string", stderr.ToString());
    }
}
