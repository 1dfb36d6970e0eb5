using System.Text;
using Meshc.Compiler.Bundle;
using Meshc.Compiler.Text;
using Meshc.Runtime.Model;

namespace Meshc.Fuzz.Targets;

/// <summary>
/// A bundle through the runtime's one load path (<see cref="VerifiedBundle"/>): manifest schema, hashes, xDS, address
/// bindings, policy section. The input is a bundle as an archive (<see cref="Pack"/>). Its first byte chooses whether
/// <c>bundle.json</c> is taken as written (the manifest checks are fuzzed) or made anew for the files given, with
/// true hashes (so the xDS and policy readers behind the checks are fuzzed too).
/// </summary>
public static class BundleTarget
{
    private static readonly byte[] Separator = Encoding.UTF8.GetBytes("\n=== ");

    public static void Run(byte[] input)
    {
        if (input.Length == 0) return;
        var files = Unpack(input.AsSpan(1));
        if ((input[0] & 1) == 1) files[BundleManifest.FileName] = ManifestFor(files);
        VerifiedBundle.FromFiles("fuzz", files);
    }

    /// <summary>Files as one archive: each file is <c>"\n=== " + path + "\n" + bytes</c>.</summary>
    public static byte[] Pack(IEnumerable<(string Path, byte[] Content)> files)
    {
        var archive = new MemoryStream();
        archive.WriteByte(1);
        foreach (var (path, content) in files)
        {
            archive.Write(Separator);
            archive.Write(Encoding.UTF8.GetBytes(path + "\n"));
            archive.Write(content);
        }
        return archive.ToArray();
    }

    private static Dictionary<string, byte[]> Unpack(ReadOnlySpan<byte> archive)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        while (true)
        {
            var start = archive.IndexOf(Separator);
            if (start < 0) return files;
            archive = archive[(start + Separator.Length)..];
            var endOfName = archive.IndexOf((byte)'\n');
            if (endOfName < 0) return files;
            var path = Encoding.UTF8.GetString(archive[..endOfName]);
            archive = archive[(endOfName + 1)..];
            var next = archive.IndexOf(Separator);
            files[path] = archive[..(next < 0 ? archive.Length : next)].ToArray();
            if (next < 0) return files;
            archive = archive[next..];
        }
    }

    private static byte[] ManifestFor(Dictionary<string, byte[]> files)
    {
        var artifacts = files.Where(f => f.Key != BundleManifest.FileName)
            .Select(f => new BundleArtifact(f.Key, Hashing.Sha256Hex(f.Value), f.Value.Length))
            .ToList();
        var id = BundleManifest.ComputeId(artifacts.Select(a => (a.Path, a.Sha256)));
        return new BundleManifest(BundleManifest.CurrentFormatVersion, id, "meshc", "0.0.0", [], artifacts).ToJson();
    }
}
