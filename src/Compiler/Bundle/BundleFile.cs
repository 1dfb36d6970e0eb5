using Meshc.Compiler.Text;

namespace Meshc.Compiler.Bundle;

/// <summary>One file of a bundle: its path inside the bundle (forward slashes) and its bytes.</summary>
public sealed record BundleFile(string Path, byte[] Content)
{
    public string Sha256 { get; } = Hashing.Sha256Hex(Content);

    public static BundleFile Text(string path, string text) => new(path, System.Text.Encoding.UTF8.GetBytes(text));
}
