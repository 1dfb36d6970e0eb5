using System.Net;
using System.Net.Sockets;
using System.Text;
using Meshc.Compiler.Text;
using Meshc.Runtime.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Meshc.Runtime.Tests.Policy;

/// <summary>
/// Cilium's L7 policy filter sits in the listener's own connection manager, after its path handling: the HTTP rules see
/// the path routing sees, so a dot segment cannot take a request past a rule that allows only <c>/books</c>.
/// </summary>
public sealed class PolicyPathTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "meshc-policy-path", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData(false, 200, "/books/../admin")]
    [InlineData(true, 403, null)]
    public async Task DotSegments_AreJudgedOnThePathTheListenerRoutes(bool normalize, int status, string? forwarded)
    {
        // normalize_path goes beside stat_prefix in the CiliumEnvoyConfig's connection manager, at its indentation.
        var line = PolicyRuntime.Mesh.Split('\n').Single(l => l.TrimStart().StartsWith("stat_prefix: bookstore-listener", StringComparison.Ordinal));
        var indent = line[..(line.Length - line.TrimStart().Length)];
        var mesh = normalize ? PolicyRuntime.Mesh.Replace(line + "\n", line + "\n" + indent + "normalize_path: true\n", StringComparison.Ordinal) : PolicyRuntime.Mesh;
        var (bundle, snapshot) = PolicyRuntime.Compile(_folder, new SourceText("mesh.yaml", mesh), new SourceText("policy.yaml", PolicyRuntime.ReadersPolicy));
        string? received = null;
        await using var backend = await TestBackend.StartAsync(ctx =>
        {
            received = ctx.Features.Get<IHttpRequestFeature>()!.RawTarget;
            return Task.CompletedTask;
        });
        await using var proxy = await RuntimeHarness.Start(PolicyRuntime.PointAt(snapshot, backend.Port));
        proxy.Holder.Policy.Load(bundle, snapshot, bpffs: "off");

        // From netshoot's address, which the policy allows GET /books(/.*)? only.
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Parse(PolicyRuntime.Netshoot), 0));
        await socket.ConnectAsync(IPAddress.Loopback, proxy.ListenerPorts[PolicyRuntime.Listener]);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /books/../admin HTTP/1.1\r\nHost: bookstore\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.StartsWith($"HTTP/1.1 {status}", statusLine);
        Assert.Equal(forwarded, received);
    }
}
