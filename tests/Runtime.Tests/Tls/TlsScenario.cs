using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Meshc.Compiler;
using Meshc.Compiler.Bundle;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.FrontEnds;
using Meshc.Runtime.Admin;
using Meshc.Runtime.Loading;
using Meshc.Runtime.Model;
using Meshc.Runtime.Proxy;

namespace Meshc.Runtime.Tests.Tls;

/// <summary>
/// Inputs written to a temporary folder (YAML with test-time certificates), compiled into a bundle and loaded as
/// <c>meshc run</c> does: the secrets come from the inputs, never from the bundle.
/// </summary>
internal sealed class TlsScenario : IDisposable
{
    public TlsScenario(params (string File, string Yaml)[] files)
    {
        Inputs = Path.Combine(Path.GetTempPath(), "meshc-tls-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Inputs);
        foreach (var (file, yaml) in files) File.WriteAllText(Path.Combine(Inputs, file), yaml);
        BundleFolder = Path.Combine(Inputs + "-bundle");
        var bag = new DiagnosticBag();
        var sources = SourceLoader.Load([Inputs], bag);
        var result = Compilation.Create(sources).Emit();
        Assert.True(result.Bundle is not null, string.Join("\n", result.Diagnostics));
        BundleWriter.Write(result.Bundle, BundleFolder);
    }

    public string Inputs { get; }

    public string BundleFolder { get; }

    /// <summary>The bundle with the inputs' secrets, each Service's cluster pointed at <paramref name="ports"/> (service name → port on 127.0.0.1).</summary>
    public RuntimeSnapshot Snapshot(IReadOnlyDictionary<string, int> ports, SecretStore? secrets = null)
    {
        var loaded = BundleLoader.Load(BundleFolder);
        Assert.True(loaded.Success, loaded.Error);
        var (snapshot, error) = BuildSnapshot.From(loaded.Bundle!, secrets ?? SecretStore.Read([Inputs]));
        Assert.True(snapshot is not null, error);
        var clusters = snapshot!.Clusters.ToDictionary(kv => kv.Key, kv =>
            ports.TryGetValue(DemoBackendsName(kv.Value), out var port) ? kv.Value with { Endpoints = [new EndpointModel("127.0.0.1", port)] } : kv.Value,
            StringComparer.Ordinal);
        return snapshot with { Clusters = clusters };
    }

    private static string DemoBackendsName(ClusterModel cluster)
    {
        var key = cluster.ServiceName ?? cluster.Name;
        var name = key[(key.LastIndexOf('/') + 1)..];
        return name[..name.LastIndexOf(':')];
    }

    public static Task<ProxyHost> Start(RuntimeSnapshot snapshot) =>
        ProxyHost.StartAsync(snapshot, new ProxyOptions(IPAddress.Loopback, 0, AdminPort: 0) { EphemeralPorts = true, Admin = AdminApi.Serve });

    /// <summary>An HTTPS client that reaches <paramref name="port"/> whatever the URL's host, records the server certificate and may present one.</summary>
    public static (HttpClient Client, Func<X509Certificate2?> Seen) Client(int port, X509Certificate2? clientCertificate = null)
    {
        X509Certificate2? seen = null;
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            ConnectCallback = async (_, token) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(IPAddress.Loopback, port, token);
                return new NetworkStream(socket, ownsSocket: true);
            },
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                {
                    seen = certificate is null ? null : new X509Certificate2(certificate);
                    return true;
                },
                ClientCertificates = clientCertificate is null ? null : [clientCertificate],
            },
        };
        return (new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) }, () => seen);
    }

    /// <summary>A raw TLS handshake with <paramref name="sni"/> to the proxy; returns the certificate the far end presented.</summary>
    public static async Task<X509Certificate2> Handshake(int port, string sni)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        X509Certificate2? seen = null;
        await using var ssl = new SslStream(tcp.GetStream());
        await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = sni,
            RemoteCertificateValidationCallback = (_, c, _, _) =>
            {
                seen = c is null ? null : new X509Certificate2(c);
                return true;
            },
        });
        return seen!;
    }

    public void Dispose()
    {
        Directory.Delete(Inputs, recursive: true);
        if (Directory.Exists(BundleFolder)) Directory.Delete(BundleFolder, recursive: true);
    }
}
