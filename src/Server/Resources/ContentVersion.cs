using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;

namespace Meshc.Server.Resources;

/// <summary>
/// Versions are content hashes, never counters: the same content always gets the same version, across recompiles and
/// server restarts, so a reconnecting client that already has a version is not sent it again.
/// </summary>
public static class ContentVersion
{
    /// <summary>The first 16 hex digits of the SHA-256 of <paramref name="bytes"/>.</summary>
    public static string Of(ByteString bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes.Span))[..16];

    /// <summary>The version of a set of resources: a hash over their names and versions, in name order.</summary>
    public static string Of(IEnumerable<XdsResource> resources)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var r in resources.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(r.Name));
            sha.AppendData("\0"u8);
            sha.AppendData(Encoding.ASCII.GetBytes(r.Version));
            sha.AppendData("\n"u8);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }
}
