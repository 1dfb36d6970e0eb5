using System.Security.Cryptography;
using System.Text;

namespace Meshc.Compiler.BackEnds.Xds.Gateway;

/// <summary>The names and metadata keys Cilium's operator gives the objects it generates for a Gateway.</summary>
public static class CecNaming
{
    /// <summary>The prefix of the CEC and Service Cilium generates for a Gateway.</summary>
    public const string GatewayPrefix = "cilium-gateway-";

    /// <summary>The label naming the Gateway a generated object belongs to.</summary>
    public const string GatewayNameLabel = "gateway.networking.k8s.io/gateway-name";

    /// <summary>"false" for Gateways: upstream connections use the node's address, not the client's.</summary>
    public const string UseOriginalSourceAddressAnnotation = "cec.cilium.io/use-original-source-address";

    /// <summary>Annotations under this prefix steer the agent; users may not set them through the Gateway.</summary>
    public const string CecAnnotationPrefix = "cec.cilium.io/";

    /// <summary>The LB-IPAM annotation that carries the IP addresses a Gateway asks for.</summary>
    public const string LbIpamIpsAnnotation = "io.cilium/lb-ipam-ips";

    /// <summary>Kubernetes' limit for a resource name (a DNS label).</summary>
    public const int MaxNameLength = 63;

    // Length of the hash suffix that replaces the cut-off tail of a long name.
    private const int HashLength = 10;

    /// <summary>The CiliumEnvoyConfig (and Service) name for a Gateway: <c>cilium-gateway-&lt;gateway&gt;</c>, shortened.</summary>
    public static string CecName(string gatewayName) => Shorten(GatewayPrefix + gatewayName);

    /// <summary>
    /// Cilium's <c>pkg/shortener</c>: a name over 63 characters keeps its first 52, then '-' and the first 10 hex digits of
    /// its SHA-256, with 0/1/3/a/e mapped to g/h/k/m/t (kubectl's hash encoding, so the suffix never looks like a number).
    /// </summary>
    public static string Shorten(string name)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        // Go measures strings in bytes; Kubernetes names are ASCII, so bytes and characters agree for valid input.
        if (bytes.Length <= MaxNameLength) return name;
        var keep = Encoding.UTF8.GetString(bytes, 0, MaxNameLength - HashLength - 1);
        return keep + "-" + EncodeHash(Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    private static string EncodeHash(string hex)
    {
        var encoded = new StringBuilder(HashLength);
        foreach (var c in hex.AsSpan(0, HashLength))
        {
            encoded.Append(c switch { '0' => 'g', '1' => 'h', '3' => 'k', 'a' => 'm', 'e' => 't', _ => c });
        }
        return encoded.ToString();
    }
}
