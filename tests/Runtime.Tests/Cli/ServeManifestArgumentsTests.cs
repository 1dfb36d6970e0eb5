using Meshc.Compiler;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.FrontEnds;
using Meshc.Runtime.Cli;
using Meshc.Server.Cli;
using YamlDotNet.RepresentationModel;

namespace Meshc.Runtime.Tests.Cli;

/// <summary>The commands the manifests of <c>--emit k8s-serve</c> run are ones meshc serve and meshc run accept.</summary>
public sealed class ServeManifestArgumentsTests
{
    private static string[] ContainerArgs(string path)
    {
        var sources = SourceLoader.Load([Path.Combine(RepositoryRoot(), "examples", "gateway-echo")], new DiagnosticBag());
        var bundle = Compilation.Create(sources).Emit(EmitTargets.K8sServe).Bundle!;
        var yaml = new YamlStream();
        yaml.Load(new StringReader(bundle.ReadText(path)));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var pod = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)root["spec"])["template"])["spec"];
        var container = (YamlMappingNode)((YamlSequenceNode)pod["containers"])[0];
        return [.. ((YamlSequenceNode)container["args"]).Select(n => ((YamlScalarNode)n).Value!)];
    }

    private static string RepositoryRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Compiler.sln"))) dir = Path.GetDirectoryName(dir)!;
        return dir;
    }

    [Fact]
    public void TheDeployment_RunsAServeCommandLine()
    {
        var args = ContainerArgs("k8s/meshc-system/deployment-meshc-serve.yaml");
        Assert.Equal("serve", args[0]);
        var (parsed, error) = ServeArguments.Parse(args[1..]);
        Assert.Null(error);
        Assert.Equal((18000, 19000, "0.0.0.0"), (parsed!.XdsPort, parsed.AdminPort, parsed.Bind.ToString()));
    }

    [Fact]
    public void TheDaemonSet_RunsAnXdsProxyCommandLine_WithTheNodeNameTheKubeletSubstitutes()
    {
        var args = ContainerArgs("k8s/meshc-system/daemonset-meshc-proxy.yaml");
        Assert.Equal("run", args[0]);
        var (parsed, error) = RunArguments.Parse([.. args[1..].Select(a => a.Replace("$(NODE_NAME)", "worker-1", StringComparison.Ordinal))]);
        Assert.Null(error);
        Assert.Equal(("worker-1", "east-west"), (parsed!.Xds!.NodeId, parsed.Xds.NodeCluster));
        Assert.Equal(new Uri("http://meshc-xds.meshc-system.svc:18000"), parsed.Xds.Server);
    }
}
