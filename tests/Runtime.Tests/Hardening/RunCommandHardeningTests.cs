using System.Net;
using System.Net.Sockets;
using Meshc.Compiler.Cli;
using Meshc.Runtime.Cli;
using Meshc.Runtime.Model;
using Meshc.Runtime.Tests.Support;

namespace Meshc.Runtime.Tests.Hardening;

/// <summary>
/// Command-line values of <c>meshc run</c> are checked before anything listens: exit code 2 and a message, where
/// out-of-range ports once ended the process with a stack trace.
/// </summary>
public sealed class RunCommandHardeningTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "meshc-run-hardening", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData("--admin-port", "70000", "--admin-port needs a whole number from 1 to 65535")]
    [InlineData("--admin-port", "-1", "--admin-port needs a whole number from 1 to 65535")]
    [InlineData("--port-offset", "99999999999", "--port-offset needs a whole number from -65535 to 65535")]
    [InlineData("--port-offset", "ten", "--port-offset needs a whole number")]
    [InlineData("--bind", "1", "--bind needs an IPv4 or IPv6 address")]
    [InlineData("--bind", "10.1", "--bind needs an IPv4 or IPv6 address")]
    public void OutOfRangeValue_IsAUsageError(string option, string value, string message)
    {
        var (args, error) = RunArguments.Parse(["bundle/", option, value]);
        Assert.Null(args);
        Assert.Contains(message, error);
    }

    private static async Task<(int Code, string Err)> Run(params string[] args)
    {
        var stderr = new StringWriter();
        var run = RunCommand.Run(args, new StringWriter(), stderr);
        Assert.True(await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60))) == run, "meshc run kept running: the value was not refused");
        return (await run, stderr.ToString());
    }

    [Fact]
    public async Task PortOffsetPushingAListenerPast65535_ExitsTwoWithAMessage()
    {
        RuntimeHarness.CompileTo(_folder, "gateway-echo");
        var (code, err) = await Run(_folder, "--port-offset", "65500");
        Assert.Equal(ExitCodes.UsageOrIo, code);
        Assert.Contains("outside 1…65535", err);
        Assert.DoesNotContain("   at ", err);
    }

    [Fact]
    public async Task AdminPortOnAServedSocket_ExitsTwoWithAMessage()
    {
        var snapshot = RuntimeHarness.CompileTo(_folder, "gateway-echo");
        var listenerPort = snapshot.Listeners[0].Port;
        var offset = FreePort() - listenerPort;
        var (code, err) = await Run(_folder, "--bind", "127.0.0.1", "--port-offset", offset.ToString(), "--admin-port", (listenerPort + offset).ToString());
        Assert.Equal(ExitCodes.UsageOrIo, code);
        Assert.Contains($"--admin-port {listenerPort + offset} is where", err);
    }

    [Fact]
    public void AdminPortOnAnotherAddress_IsNoCollision()
    {
        // Gateways listen on their own addresses: the admin port number may recur there, the sockets differ.
        var snapshot = RuntimeHarness.CompileTo(_folder, "gateway-echo");
        var options = new Meshc.Runtime.Proxy.ProxyOptions(IPAddress.Loopback, 10000, AdminPort: 10080) { UseBindings = true };
        Assert.Null(SocketPlan.Problem(snapshot, options));
        Assert.NotNull(SocketPlan.Problem(snapshot, options with { Bind = IPAddress.Any }));
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
