using Meshc.Compiler;
using Meshc.Compiler.Bundle;
using Meshc.Compiler.Text;
using Meshc.Runtime.Loading;

namespace Meshc.Runtime.Tests.Loading;

public sealed class BundleLoaderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "meshc-loader-" + Guid.NewGuid().ToString("N"));

    private const string Input = """
        apiVersion: v1
        kind: Service
        metadata: {name: echo, namespace: default}
        spec:
          ports: [{port: 8080}]
        """;

    private CompiledBundle Compile()
    {
        var result = Compilation.Create([new SourceText("in.yaml", Input)]).Emit(EmitTargets.Ir);
        Assert.NotNull(result.Bundle);
        BundleWriter.Write(result.Bundle, _folder);
        return result.Bundle;
    }

    [Fact]
    public void Load_FreshBundle_VerifiesAndKeepsEveryArtifact()
    {
        var bundle = Compile();
        var loaded = BundleLoader.Load(_folder);
        Assert.True(loaded.Success, loaded.Error);
        Assert.Equal(bundle.Id, loaded.Bundle!.Manifest.Id);
        Assert.Contains("ir/model.json", loaded.Bundle.Files.Keys);
    }

    [Fact]
    public void Load_TamperedArtifact_IsRejectedNamingTheFile()
    {
        Compile();
        File.AppendAllText(Path.Combine(_folder, "ir", "model.json"), " ");
        var loaded = BundleLoader.Load(_folder);
        Assert.False(loaded.Success);
        Assert.Contains("model.json", loaded.Error);
        Assert.Contains("bundle.json says", loaded.Error); // its size gives it away before it is read
    }

    [Fact]
    public void Load_ArtifactOfTheRightSizeButOtherContent_IsRejectedByItsHash()
    {
        Compile();
        var path = Path.Combine(_folder, "ir", "model.json");
        var bytes = File.ReadAllBytes(path);
        bytes[^2] ^= 1;
        File.WriteAllBytes(path, bytes);
        var loaded = BundleLoader.Load(_folder);
        Assert.False(loaded.Success);
        Assert.Contains("model.json", loaded.Error);
        Assert.Contains("does not match", loaded.Error);
    }

    [Fact]
    public void Load_FolderWithoutManifest_IsRejected()
    {
        Directory.CreateDirectory(_folder);
        var loaded = BundleLoader.Load(_folder);
        Assert.False(loaded.Success);
        Assert.Contains("no bundle.json", loaded.Error);
    }

    [Fact]
    public void Write_OverNonBundleFolder_RefusesAndKeepsFiles()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "precious.txt"), "keep me");
        var result = Compilation.Create([new SourceText("in.yaml", Input)]).Emit(EmitTargets.Ir);
        Assert.Throws<IOException>(() => BundleWriter.Write(result.Bundle!, _folder));
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(_folder, "precious.txt")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
