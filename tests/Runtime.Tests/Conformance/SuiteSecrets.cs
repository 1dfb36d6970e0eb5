using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Meshc.Compiler.Text;

namespace Meshc.Runtime.Tests.Conformance;

/// <summary>
/// The TLS Secrets the suite creates at set-up beside the base manifests (its "programmatic resources": a fresh
/// self-signed pair each, never a manifest), made the same way here, in memory, so a certificateRef to them resolves.
/// </summary>
internal static class SuiteSecrets
{
    private static readonly (string Namespace, string Name, string Host)[] Created =
    [
        (Gw.WebBackendNs, "certificate", "*"),
        (Gw.Infra, "tls-validity-checks-certificate", "*"),
        (Gw.Infra, "tls-passthrough-checks-certificate", "abc.example.com"),
    ];

    public static SourceText Source()
    {
        var yaml = new StringBuilder();
        foreach (var (ns, name, host) in Created)
        {
            var (certificate, key) = SelfSigned(host);
            yaml.Append($"---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: {name}\n  namespace: {ns}\ntype: kubernetes.io/tls\nstringData:\n");
            yaml.Append("  tls.crt: |\n").Append(Indent(certificate)).Append("  tls.key: |\n").Append(Indent(key));
        }
        return new SourceText("suite-secrets.yaml", yaml.ToString());
    }

    private static (string Certificate, string Key) SelfSigned(string host)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={host}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(host);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }

    private static string Indent(string pem) => string.Concat(pem.Split('\n').Where(l => l.Length > 0).Select(l => "    " + l + "\n"));
}
