using System.Diagnostics;
using Meshc.Compiler;
using Meshc.Compiler.Bundle;
using Meshc.Compiler.Text;
using Meshc.Runtime.Loading;

namespace Meshc.Runtime.Tests.Hardening;

/// <summary>
/// A bundle folder is read only inside itself and only as regular files: a manifest listing files outside the
/// folder, a symbolic link out of it, a FIFO or a device (which once hung the runtime or ran it out of memory) is
/// refused with its reason, before anything is read.
/// </summary>
public sealed class BundleFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("meshc-bundle-folder-").FullName;
    private string Folder => Path.Combine(_root, "bundle");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private const string Input = "apiVersion: v1\nkind: Service\nmetadata: {name: echo, namespace: default}\nspec:\n  ports: [{port: 8080}]\n";

    /// <summary>Writes a bundle whose manifest lists <paramref name="extra"/> (path, content) besides ir/model.json, hashed as given.</summary>
    private void WriteBundle(params (string Path, byte[] Content)[] extra)
    {
        var result = Compilation.Create([new SourceText("in.yaml", Input)]).Emit(EmitTargets.Ir);
        var files = result.Bundle!.Files.Where(f => f.Path != BundleManifest.FileName).Select(f => (f.Path, f.Content)).Concat(extra).ToList();
        var artifacts = files.Select(f => new BundleArtifact(f.Path, Hashing.Sha256Hex(f.Content), f.Content.Length)).ToList();
        var manifest = new BundleManifest(1, BundleManifest.ComputeId(artifacts.Select(a => (a.Path, a.Sha256))), "meshc", "0.1.0", [], artifacts);
        Directory.CreateDirectory(Folder);
        File.WriteAllBytes(Path.Combine(Folder, BundleManifest.FileName), manifest.ToJson());
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(Folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            if (!File.Exists(full) && FileKindOf(full) == "missing") File.WriteAllBytes(full, content);
        }
    }

    private static string FileKindOf(string path) => Compiler.Files.FileKinds.Of(path, followLinks: false).ToString().ToLowerInvariant();

    private BundleLoadResult LoadWithin(TimeSpan bound)
    {
        var load = Task.Run(() => BundleLoader.Load(Folder));
        Assert.True(load.Wait(bound), "the load did not finish: it is reading something it should have refused");
        return load.Result;
    }

    [Fact]
    public void SoundBundle_Loads()
    {
        WriteBundle(("extra/data.txt", "hello"u8.ToArray()));
        Assert.True(LoadWithin(TimeSpan.FromSeconds(30)).Success);
    }

    [Fact]
    public void SymlinkOutOfTheFolder_IsRefused_EvenWithTheRightHash()
    {
        var secret = Path.Combine(_root, "secret.txt");
        File.WriteAllText(secret, "outside");
        Directory.CreateDirectory(Path.Combine(Folder, "extra"));
        File.CreateSymbolicLink(Path.Combine(Folder, "extra", "data.txt"), secret);
        WriteBundle(("extra/data.txt", "outside"u8.ToArray()));

        var loaded = LoadWithin(TimeSpan.FromSeconds(30));
        Assert.False(loaded.Success);
        Assert.Contains("outside the bundle", loaded.Error);
    }

    [Fact]
    public void SymlinkedFolderOutOfTheBundle_IsRefused()
    {
        var outside = Directory.CreateDirectory(Path.Combine(_root, "elsewhere")).FullName;
        File.WriteAllText(Path.Combine(outside, "data.txt"), "outside");
        Directory.CreateDirectory(Folder);
        Directory.CreateSymbolicLink(Path.Combine(Folder, "extra"), outside);
        WriteBundle(("extra/data.txt", "outside"u8.ToArray()));

        var loaded = LoadWithin(TimeSpan.FromSeconds(30));
        Assert.False(loaded.Success);
        Assert.Contains("outside the bundle", loaded.Error);
    }

    [Fact]
    public void SymlinkWithinTheFolder_IsFollowed()
    {
        Directory.CreateDirectory(Path.Combine(Folder, "extra"));
        File.WriteAllText(Path.Combine(Folder, "extra", "real.txt"), "inside");
        File.CreateSymbolicLink(Path.Combine(Folder, "extra", "data.txt"), "real.txt");
        WriteBundle(("extra/real.txt", "inside"u8.ToArray()), ("extra/data.txt", "inside"u8.ToArray()));
        var loaded = LoadWithin(TimeSpan.FromSeconds(30));
        Assert.True(loaded.Success, loaded.Error);
    }

    [Fact]
    public void Fifo_IsRefusedWithoutOpeningIt()
    {
        if (!OperatingSystem.IsLinux()) return;
        Directory.CreateDirectory(Path.Combine(Folder, "extra"));
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(Folder, "extra", "data.txt"))) mkfifo.WaitForExit();
        WriteBundle(("extra/data.txt", "x"u8.ToArray()));

        var loaded = LoadWithin(TimeSpan.FromSeconds(30));
        Assert.False(loaded.Success);
        Assert.Contains("a FIFO, not a regular file", loaded.Error);
    }

    [Fact]
    public void DeviceBehindASymlink_IsRefused()
    {
        if (!File.Exists("/dev/zero")) return;
        Directory.CreateDirectory(Path.Combine(Folder, "extra"));
        File.CreateSymbolicLink(Path.Combine(Folder, "extra", "data.txt"), "/dev/zero");
        WriteBundle(("extra/data.txt", new byte[3]));

        var loaded = LoadWithin(TimeSpan.FromSeconds(30));
        Assert.False(loaded.Success);
        Assert.Contains("outside the bundle", loaded.Error);
    }

    [Fact]
    public void FileOfAnotherSizeThanListed_IsRefusedBeforeReading()
    {
        WriteBundle(("extra/data.txt", "abc"u8.ToArray()));
        using (var grown = File.OpenWrite(Path.Combine(Folder, "extra", "data.txt"))) grown.SetLength(BundleManifest.MaxArtifactBytes * 4);

        var loaded = LoadWithin(TimeSpan.FromSeconds(30));
        Assert.False(loaded.Success);
        Assert.Contains("bundle.json says 3", loaded.Error);
    }

    [Fact]
    public void ManifestListingAPathOutside_IsRefusedByTheSchema()
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(_root, "outside.txt"), "x");
        var artifact = new BundleArtifact("../outside.txt", Hashing.Sha256Hex("x"u8), 1);
        var manifest = new BundleManifest(1, BundleManifest.ComputeId([(artifact.Path, artifact.Sha256)]), "meshc", "0.1.0", [], [artifact]);
        File.WriteAllBytes(Path.Combine(Folder, BundleManifest.FileName), manifest.ToJson());

        var loaded = LoadWithin(TimeSpan.FromSeconds(30));
        Assert.False(loaded.Success);
        Assert.Contains("must stay inside the bundle", loaded.Error);
    }
}
