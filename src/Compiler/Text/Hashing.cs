using System.Security.Cryptography;

namespace Meshc.Compiler.Text;

/// <summary>Content hashes used for input fingerprints and bundle ids.</summary>
public static class Hashing
{
    public static string Sha256Hex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));
}
