using System.Security.Cryptography;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace Meshc.Runtime.Loading;

/// <summary>
/// The key material the runtime serves TLS with, by SDS name, read from Secret and ConfigMap YAML (the inputs
/// <c>meshc run</c> compiles itself, and <c>--secrets PATH</c>). It never enters a bundle: the bundle names secrets
/// as Cilium's secretsync would serve them — <c>cilium-secrets/&lt;ns&gt;-&lt;name&gt;</c> for a Secret (tls.crt,
/// tls.key, ca.crt), <c>cilium-secrets/&lt;ns&gt;-cfgmap-&lt;name&gt;</c> for a ConfigMap (ca.crt) — and they are
/// resolved against this store when a snapshot is built.
/// </summary>
public sealed class SecretStore
{
    /// <summary>The namespace Cilium copies Secrets into (<c>CompilationOptions.SecretsNamespace</c>).</summary>
    public const string SecretsNamespace = "cilium-secrets";

    private readonly IReadOnlyDictionary<string, SecretMaterial> _byName;

    private SecretStore(IReadOnlyDictionary<string, SecretMaterial> byName, IReadOnlyList<string> errors)
    {
        _byName = byName;
        Errors = errors;
        Fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n",
            byName.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}\n{e.Value.CertificatePem}\n{e.Value.KeyPem}\n{e.Value.CaPem}")))))[..16];
    }

    public static SecretStore Empty { get; } = new(new Dictionary<string, SecretMaterial>(), []);

    /// <summary>Files that could not be read (a reason each); the rest of the store is usable.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>A digest of every name and its material, so a reload can tell whether a certificate changed.</summary>
    public string Fingerprint { get; }

    public int Count => _byName.Count;

    public SecretMaterial? Find(string sdsName) => _byName.GetValueOrDefault(sdsName);

    /// <summary>
    /// Reads every Secret and ConfigMap in <paramref name="paths"/> (files, or folders read recursively for .yaml and
    /// .yml); other kinds are skipped. A later definition of the same name replaces an earlier one.
    /// </summary>
    public static SecretStore Read(IEnumerable<string> paths)
    {
        var errors = new List<string>();
        var texts = new List<(string, string)>();
        foreach (var file in Files(paths, errors))
        {
            try
            {
                texts.Add((file, File.ReadAllText(file)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add($"{file}: {e.Message}");
            }
        }
        return Parse(texts, errors);
    }

    /// <summary>The store of YAML texts already read (name, text): each text's Secrets and ConfigMaps.</summary>
    public static SecretStore Parse(IEnumerable<(string Name, string Text)> texts, List<string>? errors = null)
    {
        errors ??= [];
        var byName = new Dictionary<string, SecretMaterial>(StringComparer.Ordinal);
        foreach (var (name, text) in texts)
        {
            try
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(text));
                foreach (var document in stream.Documents)
                    if (document.RootNode is YamlMappingNode root && Material(root) is { } entry) byName[entry.Name] = entry.Material;
            }
            catch (YamlDotNet.Core.YamlException e)
            {
                errors.Add($"{name}: {e.Message}");
            }
        }
        return new SecretStore(byName, errors);
    }

    private static IEnumerable<string> Files(IEnumerable<string> paths, List<string> errors)
    {
        foreach (var path in paths)
        {
            if (File.Exists(path)) yield return path;
            else if (Directory.Exists(path))
            {
                foreach (var f in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                             .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
                             .Order(StringComparer.Ordinal))
                    yield return f;
            }
            else errors.Add($"{path}: no such file or folder");
        }
    }

    private static (string Name, SecretMaterial Material)? Material(YamlMappingNode root)
    {
        var kind = Scalar(root, "kind");
        if (kind is not ("Secret" or "ConfigMap")) return null;
        var meta = Child(root, "metadata");
        var name = meta is null ? null : Scalar(meta, "name");
        if (name is null) return null;
        var ns = (meta is null ? null : Scalar(meta, "namespace")) ?? "default";
        string? Value(string key)
        {
            if (kind == "Secret")
                return Child(root, "stringData") is { } sd && Scalar(sd, key) is { } s ? s : Decode(Child(root, "data"), key);
            return Child(root, "data") is { } d && Scalar(d, key) is { } v ? v : Decode(Child(root, "binaryData"), key);
        }
        return kind == "Secret"
            ? ($"{SecretsNamespace}/{ns}-{name}", new SecretMaterial(Value("tls.crt"), Value("tls.key"), Value("ca.crt")))
            : ($"{SecretsNamespace}/{ns}-cfgmap-{name}", new SecretMaterial(null, null, Value("ca.crt")));
    }

    private static string? Decode(YamlMappingNode? map, string key)
    {
        if (map is null || Scalar(map, key) is not { } base64) return null;
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static YamlMappingNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node as YamlMappingNode : null;

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode s ? s.Value : null;
}

/// <summary>What one secret holds, as PEM: a certificate chain and its key, and/or a CA bundle.</summary>
public sealed record SecretMaterial(string? CertificatePem, string? KeyPem, string? CaPem)
{
    /// <summary>Envoy's config_dump shows secrets with their key material redacted; this is that view.</summary>
    public override string ToString() => $"SecretMaterial(certificate: {(CertificatePem is null ? "none" : "present")}, key: {(KeyPem is null ? "none" : "[redacted]")}, ca: {(CaPem is null ? "none" : "present")})";
}
