using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Meshc.Runtime.Cli;
using Meshc.Runtime.Tests.Support;

namespace Meshc.Runtime.Tests.Proxy;

/// <summary>
/// The GAMMA 80/20 split of <see cref="GammaSplitEndToEndTests"/> through the <c>meshc run</c> process itself: the
/// YAML folder is compiled by the command, demo backends stand in for the pods, and a loopback client calls the
/// Service's clusterIP at the port the command prints.
/// </summary>
public sealed partial class GammaSplitMeshcRunTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "meshc-gamma-run", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [GeneratedRegex(@"^service default/web on http://(?<endpoint>127\.0\.200\.\d+:\d+) ")]
    private static partial Regex ServiceLine();

    [Fact]
    public async Task MeshcRun_GammaRouteFolder_SplitsOnTheServiceAddressWithinTheBinomialBound()
    {
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(Path.Combine(_folder, "web.yaml"), GammaSplitEndToEndTests.Manifests);
        var runtime = typeof(RunCommand).Assembly.Location;
        Assert.True(File.Exists(Path.ChangeExtension(runtime, ".runtimeconfig.json")), $"{runtime} cannot be started with dotnet");

        // Port 80 + offset must be free: take a free ephemeral port and derive the offset from it.
        int free;
        using (var probe = new TcpListener(IPAddress.Loopback, 0)) { probe.Start(); free = ((IPEndPoint)probe.LocalEndpoint).Port; }
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { runtime, "run", _folder, "--demo-backends", "--port-offset", (free - 80).ToString(System.Globalization.CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            var endpoint = await ServiceEndpoint(process, TimeSpan.FromSeconds(90));
            Assert.True(endpoint is not null, "meshc run printed no socket for Service default/web: " + (process.HasExited ? await stderr : "(still running)"));
            _ = process.StandardOutput.ReadToEndAsync(); // keeps the pipe drained while the requests run

            using var client = RuntimeHarness.Client();
            const int requests = 1000;
            var v1 = 0;
            for (var i = 0; i < requests; i++)
            {
                var body = await client.GetStringAsync($"http://{endpoint}/");
                if (body.Contains("\"service\":\"web-v1\"", StringComparison.Ordinal)) v1++;
                else Assert.Contains("\"service\":\"web-v2\"", body, StringComparison.Ordinal);
            }
            // Binomial 99.9% bound: 800 ± 3.29·√(1000·0.8·0.2) = 800 ± 41.6.
            Assert.InRange(v1, 759, 841);

            using var canary = new HttpRequestMessage(HttpMethod.Get, $"http://{endpoint}/");
            canary.Headers.Add("x-canary", "true");
            using var response = await client.SendAsync(canary);
            Assert.Contains("\"service\":\"web-v2\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Reads the command's output until the Service's socket line (or the deadline, or the end of the output).</summary>
    private static async Task<string?> ServiceEndpoint(Process process, TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
                if (ServiceLine().Match(line) is { Success: true } match) return match.Groups["endpoint"].Value;
        }
        catch (OperationCanceledException) { }
        return null;
    }
}
