using Meshc.Compiler.Cli;

namespace Meshc.Compiler.Tests.Cli;

/// <summary><c>meshc diff</c> and <c>compile -o -</c>: object-level comparison of bundles, manifests on stdout.</summary>
public sealed class DiffCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("meshc-diff-").FullName;

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = MeshcCommand.Run(args, stdout, stderr);
        return (code, stdout.ToString().Replace("\r\n", "\n"), stderr.ToString());
    }

    private static string[] EchoFiles(bool withNinetyTen) => Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "examples", "gateway-echo"), "*.yaml")
        .Where(f => withNinetyTen || !f.Contains("90-10", StringComparison.Ordinal)).Order().ToArray();

    private string Bundle(string name, bool withNinetyTen)
    {
        var folder = Path.Combine(_dir, name);
        var (code, _, err) = Run(["compile", .. EchoFiles(withNinetyTen), "--emit", "xds,status,k8s", "-o", folder]);
        Assert.True(code == ExitCodes.Ok, err);
        return folder;
    }

    [Fact]
    public void Diff_FiftyFiftyVersusNinetyTen_ShowsExactlyTheTwoWeights()
    {
        var (code, output, _) = Run("diff", Bundle("a", false), Bundle("b", true));
        Assert.Equal(ExitCodes.InputErrors, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
        [
            "~ k8s CiliumEnvoyConfig default/cilium-gateway-my-example-gateway",
            "    spec.resources[1].virtualHosts[0].routes[0].route.weightedClusters.clusters[0].weight: 50 → 90",
            "    spec.resources[1].virtualHosts[0].routes[0].route.weightedClusters.clusters[1].weight: 50 → 10",
            "~ xds RouteConfiguration default/cilium-gateway-my-example-gateway/listener-insecure",
            "    virtualHosts[0].routes[0].route.weightedClusters.clusters[0].weight: 50 → 90",
            "    virtualHosts[0].routes[0].route.weightedClusters.clusters[1].weight: 50 → 10",
            "2 changed, 0 added, 0 removed",
        ], lines);
    }

    [Fact]
    public void Diff_SameBundle_ExitsZero()
    {
        var folder = Bundle("a", false);
        var (code, output, _) = Run("diff", folder, folder);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("no differences", output);
    }

    [Fact]
    public void Diff_AddedAndRemovedObjects_Listed()
    {
        var a = Bundle("a", false);
        var b = Path.Combine(_dir, "b");
        var (code, _, _) = Run(["compile", .. EchoFiles(false), "--emit", "xds", "-o", b]);
        Assert.Equal(ExitCodes.Ok, code);
        var (diffCode, output, _) = Run("diff", a, b);
        Assert.Equal(ExitCodes.InputErrors, diffCode);
        Assert.Contains("- k8s Service default/cilium-gateway-my-example-gateway", output);
        Assert.Contains("- file status/httproutes/default/example-route-1.yaml", output);
        Assert.DoesNotContain("+ ", output);
    }

    [Fact]
    public void Diff_MissingFolder_ExitsTwo()
    {
        var (code, _, err) = Run("diff", Path.Combine(_dir, "nope"), _dir);
        Assert.Equal(ExitCodes.UsageOrIo, code);
        Assert.Contains("does not exist", err);
    }

    [Fact]
    public void Compile_OutputDash_WritesManifestStreamAndNoBundle()
    {
        var before = Directory.GetFileSystemEntries(Environment.CurrentDirectory).Length;
        var (code, output, _) = Run(["compile", .. EchoFiles(false), "--emit", "k8s", "-o", "-"]);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.StartsWith("---\napiVersion: cilium.io/v2\n", output);
        Assert.Contains("kind: Service\n", output);
        Assert.Equal(7, output.Split("---\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.False(Directory.Exists(Path.Combine(Environment.CurrentDirectory, "-")));
        Assert.Equal(before, Directory.GetFileSystemEntries(Environment.CurrentDirectory).Length);
    }

    [Fact]
    public void Compile_OutputDashWithoutK8s_IsAUsageError()
    {
        var (code, _, err) = Run(["compile", .. EchoFiles(false), "-o", "-"]);
        Assert.Equal(ExitCodes.UsageOrIo, code);
        Assert.Contains("--emit k8s", err);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
