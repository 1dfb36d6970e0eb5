using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Meshc.Runtime.Tests.Support;

/// <summary>A loopback HTTP server on an ephemeral port with a handler chosen by the test.</summary>
internal sealed class TestBackend : IAsyncDisposable
{
    private readonly WebApplication _app;
    private ListenOptions? _socket;

    private TestBackend(RequestDelegate handler, HttpProtocols protocols)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            // Roomier than the proxy's limits, so what a test sends past the proxy's edge is what the handler sees.
            k.Limits.MaxRequestLineSize = 1024 * 1024;
            k.Limits.MaxRequestHeadersTotalSize = 1024 * 1024;
            k.Limits.MaxRequestHeaderCount = 1000;
            k.Limits.MaxRequestBodySize = null;
            k.Listen(IPAddress.Loopback, 0, lo =>
            {
                lo.Protocols = protocols;
                _socket = lo;
            });
        });
        _app = builder.Build();
        _app.Run(handler);
    }

    public int Port => _socket!.IPEndPoint!.Port;

    /// <summary>Starts a backend; <see cref="HttpProtocols.Http2"/> alone makes it an h2c (prior knowledge) server.</summary>
    public static async Task<TestBackend> StartAsync(RequestDelegate handler, HttpProtocols protocols = HttpProtocols.Http1AndHttp2)
    {
        var backend = new TestBackend(handler, protocols);
        await backend._app.StartAsync();
        return backend;
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
