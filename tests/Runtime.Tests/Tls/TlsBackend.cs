using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Meshc.Runtime.Tests.Tls;

/// <summary>
/// A backend on a loopback ephemeral port — HTTPS with its own certificate, or plaintext when it has none — that answers
/// "&lt;name&gt; &lt;protocol&gt; &lt;host&gt; &lt;scheme header&gt;".
/// </summary>
internal sealed class TlsBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TlsBackend(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public static async Task<TlsBackend> StartAsync(string name, X509Certificate2? certificate, HttpProtocols? protocols = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        ListenOptions? bound = null;
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, lo =>
        {
            lo.Protocols = protocols ?? (certificate is null ? HttpProtocols.Http1 : HttpProtocols.Http1AndHttp2);
            if (certificate is not null) lo.UseHttps(certificate);
            bound = lo;
        }));
        var app = builder.Build();
        app.Run(ctx => ctx.Response.WriteAsync($"{name} {ctx.Request.Protocol} {ctx.Request.Host} {ctx.Request.Headers["x-forwarded-proto"]}"));
        await app.StartAsync();
        return new TlsBackend(app, bound!.IPEndPoint!.Port);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
