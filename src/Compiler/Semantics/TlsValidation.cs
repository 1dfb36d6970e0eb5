using Meshc.Compiler.Ir;

namespace Meshc.Compiler.Semantics;

/// <summary>
/// A CA bundle a TLS validation reads: a ConfigMap or a Secret (its <c>ca.crt</c>). <see cref="SdsName"/> is the name
/// under which Cilium's secretsync serves its copy: <c>&lt;secretsNamespace&gt;/&lt;ns&gt;-&lt;name&gt;</c> for a Secret,
/// <c>&lt;secretsNamespace&gt;/&lt;ns&gt;-cfgmap-&lt;name&gt;</c> for a ConfigMap.
/// </summary>
public sealed record TlsCaRef(bool IsConfigMap, string Namespace, string Name)
{
    public string SdsName(string secretsNamespace) =>
        IsConfigMap ? $"{secretsNamespace}/{Namespace}-cfgmap-{Name}" : $"{secretsNamespace}/{Namespace}-{Name}";
}

/// <summary>
/// Client-certificate validation of an HTTPS listener (the Gateway's <c>spec.tls.frontend</c> for its port): the CA
/// bundle client certificates must chain to, and whether a client without a valid one is still served
/// (<c>AllowInsecureFallback</c>).
/// </summary>
public sealed record ClientValidation(TlsCaRef Ca, bool AllowInsecureFallback);

/// <summary>
/// Upstream TLS from an accepted BackendTLSPolicy: the SNI (the policy's hostname), the CA bundle to verify with, or
/// the system's well-known CAs, and the subject alternative names to match (the hostname when the policy lists none).
/// </summary>
public sealed record UpstreamTls(string Sni, TlsCaRef? Ca, bool SystemCas, ValueList<SubjectAltName> SubjectAltNames)
{
    /// <summary>The names a backend certificate is checked against: the policy's subjectAltNames, else its hostname.</summary>
    public IReadOnlyList<SubjectAltName> EffectiveNames => SubjectAltNames.IsEmpty ? [new SubjectAltName("Hostname", Sni)] : SubjectAltNames;
}
