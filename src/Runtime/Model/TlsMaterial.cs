using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Meshc.Runtime.Loading;

namespace Meshc.Runtime.Model;

/// <summary>
/// The TLS material of one snapshot, loaded once from the secret store: server certificates (with their chains, ready
/// for handshakes) and CA bundles, by SDS name. A reload builds new material; connections already open keep theirs.
/// </summary>
public sealed class TlsMaterial
{
    private readonly Dictionary<string, ServerCertificate> _certificates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, X509Certificate2Collection> _authorities = new(StringComparer.Ordinal);

    public static TlsMaterial Empty { get; } = new();

    /// <summary>The SDS names this material holds, for the admin view (never the keys).</summary>
    public IEnumerable<string> Names => _certificates.Keys.Concat(_authorities.Keys).Distinct().Order(StringComparer.Ordinal);

    public ServerCertificate? Certificate(string sds) => _certificates.GetValueOrDefault(sds);

    public X509Certificate2Collection? Authority(string sds) => _authorities.GetValueOrDefault(sds);

    /// <summary>Loads the server certificate named <paramref name="sds"/>; null and a reason when it is missing or broken.</summary>
    public string? AddCertificate(SecretStore store, string sds)
    {
        if (_certificates.ContainsKey(sds)) return null;
        if (store.Find(sds) is not { CertificatePem: { } certificate, KeyPem: { } key })
            return $"SDS secret '{sds}' (a certificate and key) is not in the inputs or --secrets";
        try
        {
            var chain = new X509Certificate2Collection();
            chain.ImportFromPem(certificate);
            using var leaf = X509Certificate2.CreateFromPem(certificate, key);
            // An ephemeral key cannot serve handshakes on every platform; a PKCS#12 round trip gives a usable one.
            var usable = X509CertificateLoader.LoadPkcs12(leaf.Export(X509ContentType.Pkcs12), null);
            var intermediates = new X509Certificate2Collection();
            foreach (var c in chain.Skip(1)) intermediates.Add(c);
            _certificates[sds] = new ServerCertificate(usable, SslStreamCertificateContext.Create(usable, intermediates, offline: true));
            return null;
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            return $"SDS secret '{sds}' holds no usable certificate and key: {e.Message}";
        }
    }

    /// <summary>Loads the CA bundle named <paramref name="sds"/> (its ca.crt); null and a reason when it is missing or broken.</summary>
    public string? AddAuthority(SecretStore store, string sds)
    {
        if (_authorities.ContainsKey(sds)) return null;
        if (store.Find(sds) is not { CaPem: { } pem }) return $"SDS secret '{sds}' (a CA bundle, ca.crt) is not in the inputs or --secrets";
        try
        {
            var bundle = new X509Certificate2Collection();
            bundle.ImportFromPem(pem);
            if (bundle.Count == 0) return $"SDS secret '{sds}' holds no PEM certificate in ca.crt";
            _authorities[sds] = bundle;
            return null;
        }
        catch (CryptographicException e)
        {
            return $"SDS secret '{sds}' holds no usable CA bundle: {e.Message}";
        }
    }
}

/// <summary>A server certificate ready for handshakes, and the DNS names it covers (SANs, else the subject CN).</summary>
public sealed class ServerCertificate(X509Certificate2 certificate, SslStreamCertificateContext context)
{
    public X509Certificate2 Certificate { get; } = certificate;

    public SslStreamCertificateContext Context { get; } = context;

    public IReadOnlyList<string> DnsNames { get; } = NamesOf(certificate);

    /// <summary>True when the certificate covers <paramref name="host"/> (exactly, or by a one-label wildcard).</summary>
    public bool Covers(string host) => DnsNames.Any(n => CertificateNames.Matches(n, host));

    private static List<string> NamesOf(X509Certificate2 certificate)
    {
        var names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().SelectMany(e => e.EnumerateDnsNames()).ToList();
        if (names.Count == 0 && certificate.GetNameInfo(X509NameType.DnsName, false) is { Length: > 0 } cn) names.Add(cn);
        return names;
    }
}

/// <summary>Certificate name matching (RFC 6125): case-insensitive, a leading <c>*.</c> stands for exactly one label.</summary>
public static class CertificateNames
{
    public static bool Matches(string pattern, string host)
    {
        if (string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase)) return true;
        if (!pattern.StartsWith("*.", StringComparison.Ordinal)) return false;
        var dot = host.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && string.Equals(pattern[1..], host[dot..], StringComparison.OrdinalIgnoreCase);
    }
}
