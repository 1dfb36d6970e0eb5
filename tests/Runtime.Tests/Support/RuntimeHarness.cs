using System.Net;
using Meshc.Compiler;
using Meshc.Compiler.Bundle;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.FrontEnds;
using Meshc.Runtime.Admin;
using Meshc.Runtime.Loading;
using Meshc.Runtime.Model;
using Meshc.Runtime.Proxy;

namespace Meshc.Runtime.Tests.Support;

/// <summary>Compiles example inputs into a bundle, loads it as the runtime does, and runs it on loopback ephemeral ports.</summary>
internal static class RuntimeHarness
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static RuntimeSnapshot Compile(params string[] examples)
    {
        var folder = Path.Combine(Path.GetTempPath(), "meshc-runtime-tests", Guid.NewGuid().ToString("N"));
        var snapshot = CompileTo(folder, examples);
        Directory.Delete(folder, recursive: true);
        return snapshot;
    }

    /// <summary>Compiles examples (folders or files under examples/) into <paramref name="folder"/> and loads the result.</summary>
    public static RuntimeSnapshot CompileTo(string folder, params string[] examples) =>
        CompileInputs(folder, examples.Select(e => Path.Combine(RepoRoot, "examples", e)));

    /// <summary>Compiles input files or folders into a bundle in <paramref name="folder"/> and loads it.</summary>
    public static RuntimeSnapshot CompileInputs(string folder, IEnumerable<string> inputs)
    {
        var bag = new DiagnosticBag();
        var sources = SourceLoader.Load(inputs, bag);
        Assert.False(bag.HasErrors);
        var result = Compilation.Create(sources).Emit();
        Assert.NotNull(result.Bundle);
        BundleWriter.Write(result.Bundle, folder);
        var loaded = BundleLoader.Load(folder);
        Assert.True(loaded.Success, loaded.Error);
        var (snapshot, error) = BuildSnapshot.From(loaded.Bundle!);
        Assert.True(snapshot is not null, error);
        return snapshot!;
    }

    /// <summary>Starts a proxy on ephemeral ports; <paramref name="client"/> picks the upstream client (else the default).</summary>
    public static Task<ProxyHost> Start(RuntimeSnapshot snapshot, UpstreamClient? client = null)
    {
        var options = new ProxyOptions(IPAddress.Loopback, 0, AdminPort: 0) { EphemeralPorts = true, Admin = AdminApi.Serve };
        return ProxyHost.StartAsync(snapshot, client is { } chosen ? options with { UpstreamClient = chosen } : options);
    }

    /// <summary>A client that does not follow redirects and gives up quickly, so a broken proxy cannot hang a test.</summary>
    public static HttpClient Client() => new(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Compiler.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository root (Compiler.sln) not found above " + AppContext.BaseDirectory);
    }
}
