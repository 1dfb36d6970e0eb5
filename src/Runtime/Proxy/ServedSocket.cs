using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Meshc.Runtime.Proxy;

/// <summary>
/// One listener socket on its own Kestrel server, so that a reload can open or close it without touching the others:
/// a server stops as a whole, and stopping one drains only its own connections.
/// </summary>
internal sealed class ServedSocket
{
    private readonly WebApplication _app;
    private readonly ListenOptions _socket;

    private ServedSocket(WebApplication app, ListenOptions socket)
    {
        _app = app;
        _socket = socket;
    }

    public IPEndPoint EndPoint => _socket.IPEndPoint!;

    /// <summary>
    /// Binds <paramref name="at"/> and starts serving it; throws what Kestrel throws when the socket cannot be bound
    /// (address in use, address missing), having released what it built.
    /// </summary>
    public static async Task<ServedSocket> StartAsync(IPEndPoint at, Action<ListenOptions> connections, RequestDelegate requests)
    {
        ListenOptions? bound = null;
        // The empty builder reads no configuration files, so a server per socket adds no file watcher.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseSockets(KestrelSettings.Transport).ConfigureKestrel(k =>
        {
            KestrelSettings.Apply(k);
            k.Listen(at, lo =>
            {
                connections(lo);
                bound = lo;
            });
        });
        var app = builder.Build();
        app.Run(requests);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return new ServedSocket(app, bound!);
    }

    /// <summary>Stops accepting at once, lets requests in flight finish for at most <paramref name="drain"/>, then closes what is left.</summary>
    public async Task StopAsync(TimeSpan drain)
    {
        using var stop = new CancellationTokenSource(drain);
        try
        {
            await _app.StopAsync(stop.Token);
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }
}
