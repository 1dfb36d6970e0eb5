using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Meshc.Runtime.Tests.Tls;

/// <summary>
/// Certificates made at test time (ECDSA P-256): a CA and leaves it signs. Keys live in memory and in temporary files
/// the tests write and delete; no key is ever part of the repository.
/// </summary>
internal static class TestPki
{
    public static X509Certificate2 Ca(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    /// <summary>A leaf for <paramref name="dnsNames"/> (and an optional URI SAN) signed by <paramref name="ca"/>, with its key.</summary>
    public static X509Certificate2 Leaf(X509Certificate2 ca, string[] dnsNames, string? uri = null, bool client = false)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={dnsNames[0]}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in dnsNames) san.AddDnsName(name);
        if (uri is not null) san.AddUri(new Uri(uri));
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(client ? "1.3.6.1.5.5.7.3.2" : "1.3.6.1.5.5.7.3.1")], false));
        var serial = RandomNumberGenerator.GetBytes(12);
        using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(10), serial);
        var withKey = issued.CopyWithPrivateKey(key);
        // A PKCS#12 round trip gives a key every platform's TLS can use.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    public static string CertificatePem(X509Certificate2 certificate) => certificate.ExportCertificatePem();

    public static string KeyPem(X509Certificate2 certificate) => certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem();

    /// <summary>A kubernetes.io/tls Secret holding the certificate and key, as YAML.</summary>
    public static string SecretYaml(string ns, string name, X509Certificate2 certificate) => $"""
        apiVersion: v1
        kind: Secret
        metadata: {"{"}name: {name}, namespace: {ns}{"}"}
        type: kubernetes.io/tls
        stringData:
          tls.crt: |
        {Indent(CertificatePem(certificate))}
          tls.key: |
        {Indent(KeyPem(certificate))}
        """;

    /// <summary>A ConfigMap whose ca.crt is <paramref name="ca"/>'s certificate.</summary>
    public static string CaConfigMapYaml(string ns, string name, X509Certificate2 ca) => $"""
        apiVersion: v1
        kind: ConfigMap
        metadata: {"{"}name: {name}, namespace: {ns}{"}"}
        data:
          ca.crt: |
        {Indent(CertificatePem(ca))}
        """;

    private static string Indent(string pem) => string.Join("\n", pem.Trim().Split('\n').Select(l => "    " + l));
}
