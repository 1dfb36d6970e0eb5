using Envoy.Extensions.TransportSockets.Tls.V3;
using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.BackEnds.Xds.Gateway;

/// <summary>
/// Client-certificate validation on a TLS-terminating chain. <c>AllowValidOnly</c>: a client certificate is required
/// and must chain to the CA bundle served over SDS. <c>AllowInsecureFallback</c>: one is asked for but not required,
/// and an untrusted one is accepted (<c>trust_chain_verification: ACCEPT_UNTRUSTED</c>), so the connection goes on.
/// </summary>
internal static class ClientValidationContext
{
    public static void Apply(DownstreamTlsContext context, ClientValidation validation, CompilationOptions options)
    {
        var sds = new SdsSecretConfig { Name = validation.Ca.SdsName(options.SecretsNamespace) };
        if (validation.AllowInsecureFallback)
        {
            context.RequireClientCertificate = false;
            context.CommonTlsContext.CombinedValidationContext = new CommonTlsContext.Types.CombinedCertificateValidationContext
            {
                DefaultValidationContext = new CertificateValidationContext
                {
                    TrustChainVerification = CertificateValidationContext.Types.TrustChainVerification.AcceptUntrusted,
                },
                ValidationContextSdsSecretConfig = sds,
            };
        }
        else
        {
            context.RequireClientCertificate = true;
            context.CommonTlsContext.ValidationContextSdsSecretConfig = sds;
        }
    }
}
