using System.IO.Pipelines;
using System.Security.Cryptography.X509Certificates;
using Meshc.Runtime.Model;
using Microsoft.AspNetCore.Http.Features;

namespace Meshc.Runtime.Proxy;

/// <summary>
/// A connection feature: the TLS-terminating chain a connection was accepted on. Requests on it are routed with the
/// chain's route configuration and connection manager settings instead of the listener's plaintext ones.
/// </summary>
public sealed record ServingChain(TerminatingChainModel Chain);

/// <summary>
/// The TLS facts of a terminated connection as ASP.NET Core reads them: the client certificate, and the ALPN protocol
/// (Kestrel serves HTTP/2 on a TLS connection only when h2 was negotiated).
/// </summary>
internal sealed class TerminatedTls(X509Certificate2? client, ReadOnlyMemory<byte> alpn) : ITlsConnectionFeature, Microsoft.AspNetCore.Server.Kestrel.Core.Features.ITlsApplicationProtocolFeature
{
    public ReadOnlyMemory<byte> ApplicationProtocol { get; } = alpn;

    public X509Certificate2? ClientCertificate { get; set; } = client;

    public Task<X509Certificate2?> GetClientCertificateAsync(CancellationToken cancellationToken) => Task.FromResult(ClientCertificate);
}

/// <summary>A transport made of a reader and a writer (the decrypted side of a TLS connection).</summary>
internal sealed class StreamPipe(PipeReader input, PipeWriter output) : IDuplexPipe
{
    public PipeReader Input { get; } = input;

    public PipeWriter Output { get; } = output;
}
