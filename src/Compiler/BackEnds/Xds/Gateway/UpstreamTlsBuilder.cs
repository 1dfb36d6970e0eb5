using Envoy.Config.Core.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;
using Envoy.Type.Matcher.V3;
using Google.Protobuf.WellKnownTypes;
using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.BackEnds.Xds.Gateway;

/// <summary>
/// The cluster transport socket of a BackendTLSPolicy, as Cilium's <c>withTLSOrigination</c> builds it: an
/// UpstreamTlsContext with <c>sni</c> = the policy's hostname, TLS at most 1.3, and a combined validation context whose
/// default part matches the certificate's DNS subjectAltName exactly against the hostname and whose SDS part is the CA
/// bundle secretsync copies out of the ConfigMap (<c>&lt;secretsNamespace&gt;/&lt;ns&gt;-cfgmap-&lt;name&gt;</c>).
/// Two cases Cilium leaves out are filled in: <c>wellKnownCACertificates: System</c> (Cilium originates no TLS then)
/// verifies against the system trust store (<c>system_root_certs</c>), and a policy's own subjectAltNames replace the
/// hostname in the SAN match (Hostname → DNS, URI → URI), as the Gateway API specifies.
/// </summary>
internal static class UpstreamTlsBuilder
{
    public static TransportSocket Build(UpstreamTls tls, CompilationOptions options)
    {
        var validation = new CertificateValidationContext();
        foreach (var san in tls.EffectiveNames)
            validation.MatchTypedSubjectAltNames.Add(new SubjectAltNameMatcher
            {
                SanType = san.Type == "URI" ? SubjectAltNameMatcher.Types.SanType.Uri : SubjectAltNameMatcher.Types.SanType.Dns,
                Matcher = new StringMatcher { Exact = san.Value },
            });
        var common = new CommonTlsContext
        {
            TlsParams = new TlsParameters { TlsMaximumProtocolVersion = TlsParameters.Types.TlsProtocol.Tlsv13 },
        };
        if (tls.Ca is { } ca)
        {
            common.CombinedValidationContext = new CommonTlsContext.Types.CombinedCertificateValidationContext
            {
                DefaultValidationContext = validation,
                ValidationContextSdsSecretConfig = new SdsSecretConfig { Name = ca.SdsName(options.SecretsNamespace) },
            };
        }
        else
        {
            validation.SystemRootCerts = new CertificateValidationContext.Types.SystemRootCerts();
            common.ValidationContext = validation;
        }
        return new TransportSocket
        {
            Name = "envoy.transport_sockets.tls",
            TypedConfig = Any.Pack(new UpstreamTlsContext { Sni = tls.Sni, CommonTlsContext = common }),
        };
    }
}
