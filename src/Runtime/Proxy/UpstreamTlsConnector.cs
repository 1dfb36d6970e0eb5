using System.Formats.Asn1;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Meshc.Runtime.Model;

namespace Meshc.Runtime.Proxy;

/// <summary>
/// Opens upstream connections of a TLS cluster (its UpstreamTlsContext from a BackendTLSPolicy): TCP to the host, then
/// a TLS handshake with the cluster's SNI, verified against its CA bundle (or the system's roots), and the certificate's
/// subject alternative names checked against the cluster's (DNS: exact or by the certificate's wildcard; URI: exact).
/// Any failure surfaces as a connect failure — 503 and outlier detection, as Envoy treats it. The HTTP client above it
/// sees a plain stream, so any upstream client can use this connector. Counts <c>cluster.&lt;name&gt;.ssl.*</c>.
/// </summary>
public sealed class UpstreamTlsConnector(string cluster, UpstreamTlsModel tls, TlsMaterial material, ProxyStats stats)
{
    private string Stat(string name) => $"cluster.{cluster}.ssl.{name}";

    /// <summary>SocketsHttpHandler's connect callback (HTTP/2 clusters and the other paths that use it).</summary>
    public ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken token) =>
        ConnectAsync(context.DnsEndPoint, context.InitialRequestMessage.Version.Major >= 2, token);

    /// <summary>A verified TLS stream to <paramref name="endPoint"/>, offering h2 or http/1.1 by ALPN unless the cluster lists its own.</summary>
    public async ValueTask<Stream> ConnectAsync(EndPoint endPoint, bool http2, CancellationToken token)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endPoint, token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        var ssl = new SslStream(new NetworkStream(socket, ownsSocket: true));
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = tls.Sni,
            ApplicationProtocols = tls.Alpn.Count > 0
                ? tls.Alpn.Select(p => new SslApplicationProtocol(p)).ToList()
                : [http2 ? SslApplicationProtocol.Http2 : SslApplicationProtocol.Http11],
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            RemoteCertificateValidationCallback = (_, certificate, _, errors) => Verify(certificate, errors),
        };
        try
        {
            await ssl.AuthenticateAsClientAsync(options, token);
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            stats.Increment(Stat("connection_error"));
            await ssl.DisposeAsync();
            throw;
        }
        stats.Increment(Stat("handshake"));
        return ssl;
    }

    private bool Verify(X509Certificate? presented, SslPolicyErrors errors)
    {
        if (presented is null)
        {
            stats.Increment(Stat("fail_verify_error"));
            return false;
        }
        using var certificate = new X509Certificate2(presented);
        var trusted = tls.CaSds is { } ca
            ? material.Authority(ca) is { } authority && TlsTerminator.Chains(certificate, authority)
            // System roots: .NET has built the chain; the name is checked below against the SANs instead of the SNI.
            : (errors & ~SslPolicyErrors.RemoteCertificateNameMismatch) == SslPolicyErrors.None;
        if (!trusted)
        {
            stats.Increment(Stat("fail_verify_error"));
            return false;
        }
        var wanted = tls.SubjectAltNames.Count > 0 ? tls.SubjectAltNames : [new SanMatcher("DNS", tls.Sni)];
        if (wanted.Any(w => Carries(certificate, w))) return true;
        stats.Increment(Stat("fail_verify_san"));
        return false;
    }

    private static bool Carries(X509Certificate2 certificate, SanMatcher wanted)
    {
        foreach (var extension in certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>())
        {
            if (wanted.Type == "DNS" && extension.EnumerateDnsNames().Any(n => CertificateNames.Matches(n, wanted.Value))) return true;
            if (wanted.Type == "URI" && Uris(extension.RawData).Contains(wanted.Value, StringComparer.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>The uniformResourceIdentifier entries ([6] IA5String) of a SubjectAltName extension.</summary>
    private static List<string> Uris(byte[] raw)
    {
        var uris = new List<string>();
        try
        {
            var names = new AsnReader(raw, AsnEncodingRules.DER).ReadSequence();
            var uriTag = new Asn1Tag(TagClass.ContextSpecific, 6);
            while (names.HasData)
            {
                if (names.PeekTag().HasSameClassAndValue(uriTag)) uris.Add(names.ReadCharacterString(UniversalTagNumber.IA5String, uriTag));
                else names.ReadEncodedValue();
            }
        }
        catch (AsnContentException)
        {
            // A malformed extension carries no usable URI.
        }
        return uris;
    }
}
