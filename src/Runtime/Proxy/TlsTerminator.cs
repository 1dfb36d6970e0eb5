using System.IO.Pipelines;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Meshc.Runtime.Model;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Features;

namespace Meshc.Runtime.Proxy;

/// <summary>
/// Terminates TLS on a chain: the certificate that covers the SNI (else the chain's first), the chain's ALPN, and
/// client-certificate validation when the chain asks (a required certificate must chain to the CA bundle; with
/// ACCEPT_UNTRUSTED any certificate, or none, is let through). The decrypted stream then goes on to the HTTP pipeline
/// (HTTP/1.1, or HTTP/2 when the client opens with the preface after negotiating h2), marked with the chain it came
/// through. Counts Envoy's <c>ssl.handshake</c>, <c>ssl.connection_error</c>, <c>ssl.fail_verify_no_cert</c>,
/// <c>ssl.fail_verify_error</c> under the listener's scope.
/// </summary>
internal sealed class TlsTerminator(SnapshotHolder holder, ProxyStats stats)
{
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(10);

    public async Task Serve(ConnectionContext connection, byte[] clientHello, ClientHello hello, TerminatingChainModel chain, string scope, ConnectionDelegate next)
    {
        var material = holder.Current.Tls;
        var certificates = chain.CertificateSds.Select(material.Certificate).OfType<ServerCertificate>().ToList();
        if (certificates.Count == 0)
        {
            stats.Increment(scope + ".ssl.connection_error");
            connection.Abort();
            return;
        }
        var certificate = (hello.ServerName is { } sni ? certificates.FirstOrDefault(c => c.Covers(sni)) : null) ?? certificates[0];
        var authority = chain.Client is { } client ? material.Authority(client.CaSds) : null;
        var transport = connection.Transport;
        var ssl = new SslStream(new DuplexStream(new PrefixedStream(clientHello, transport.Input.AsStream(leaveOpen: true)), transport.Output.AsStream(leaveOpen: true)));
        var options = new SslServerAuthenticationOptions
        {
            ServerCertificateContext = certificate.Context,
            ApplicationProtocols = chain.Alpn.Select(p => new SslApplicationProtocol(p)).ToList(),
            ClientCertificateRequired = chain.Client is not null,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            RemoteCertificateValidationCallback = (_, presented, _, _) => ClientAllowed(chain.Client, authority, presented, scope),
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed);
        timeout.CancelAfter(HandshakeTimeout);
        try
        {
            await ssl.AuthenticateAsServerAsync(options, timeout.Token);
        }
        catch (Exception e) when (e is AuthenticationException or IOException or OperationCanceledException)
        {
            stats.Increment(scope + ".ssl.connection_error");
            await ssl.DisposeAsync();
            connection.Abort();
            return;
        }
        stats.Increment(scope + ".ssl.handshake");
        var tls = new TerminatedTls(ssl.RemoteCertificate as X509Certificate2 ?? (ssl.RemoteCertificate is { } c ? new X509Certificate2(c) : null),
            ssl.NegotiatedApplicationProtocol.Protocol);
        connection.Features.Set<ITlsConnectionFeature>(tls);
        connection.Features.Set<Microsoft.AspNetCore.Server.Kestrel.Core.Features.ITlsApplicationProtocolFeature>(tls);
        connection.Features.Set(new ServingChain(chain));
        connection.Transport = new StreamPipe(PipeReader.Create(ssl), PipeWriter.Create(ssl));
        try
        {
            await next(connection);
        }
        finally
        {
            connection.Transport = transport;
            await ssl.DisposeAsync();
        }
    }

    private bool ClientAllowed(ClientValidationModel? client, X509Certificate2Collection? authority, X509Certificate? presented, string scope)
    {
        if (client is null) return true;
        if (presented is null)
        {
            if (!client.Required || client.AcceptUntrusted) return true;
            stats.Increment(scope + ".ssl.fail_verify_no_cert");
            return false;
        }
        if (client.AcceptUntrusted) return true;
        if (authority is not null && Chains(presented, authority)) return true;
        stats.Increment(scope + ".ssl.fail_verify_error");
        return false;
    }

    /// <summary>True when <paramref name="presented"/> chains to one of <paramref name="authority"/> (and only those).</summary>
    internal static bool Chains(X509Certificate presented, X509Certificate2Collection authority)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(presented);
        return chain.Build(leaf);
    }
}
