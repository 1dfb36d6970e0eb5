using System.Text.Json.Nodes;
using Meshc.Compiler.BackEnds.Kubernetes;

namespace Meshc.Compiler.Tests.BackEnds.Kubernetes;

/// <summary><c>--emit k8s-serve</c>: a Deployment of meshc serve, its Service, and a DaemonSet of meshc proxies fed by it.</summary>
public sealed class ServeManifestsTests
{
    private const string DeploymentPath = "k8s/meshc-system/deployment-meshc-serve.yaml";
    private const string ServicePath = "k8s/meshc-system/service-meshc-xds.yaml";
    private const string DaemonSetPath = "k8s/meshc-system/daemonset-meshc-proxy.yaml";

    private static IReadOnlyDictionary<string, string> Compile(EmitTargets targets)
    {
        var result = Compilation.Create(ManifestFixture.Load(ManifestFixture.Example("gateway-echo"))).Emit(targets);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return result.Bundle!.Files.Where(f => f.Path.StartsWith("k8s/", StringComparison.Ordinal))
            .ToDictionary(f => f.Path, f => System.Text.Encoding.UTF8.GetString(f.Content));
    }

    private static string[] Strings(JsonNode? array) => [.. array!.AsArray().Select(n => n!.GetValue<string>())];

    [Fact]
    public void ThreeManifests_OnlyWhenAskedFor_AndEachPassesItsSchema()
    {
        Assert.DoesNotContain(Compile(EmitTargets.K8s).Keys, p => p.StartsWith("k8s/meshc-system/", StringComparison.Ordinal));
        var files = Compile(EmitTargets.K8sServe);
        Assert.Equal([DaemonSetPath, DeploymentPath, ServicePath], files.Keys.Order(StringComparer.Ordinal));
        foreach (var manifest in ServeManifests.Render()) Assert.Empty(ManifestValidation.Check(manifest));
    }

    [Fact]
    public void TheServer_ReadsItsInputsFromAConfigMap_WithoutRbac_AndIsReachedThroughTheService()
    {
        var files = Compile(EmitTargets.K8sServe);
        var deployment = ManifestFixture.Read(files, DeploymentPath);
        var pod = deployment["spec"]!["template"]!;
        Assert.False(pod["spec"]!["automountServiceAccountToken"]!.GetValue<bool>());
        var container = pod["spec"]!["containers"]![0]!;
        var args = Strings(container["args"]);
        Assert.Equal(["serve", "/etc/meshc/inputs", "--bind", "0.0.0.0", "--xds-port", "18000", "--admin-port", "19000"], args);
        Assert.Equal("meshc-inputs", pod["spec"]!["volumes"]![0]!["configMap"]!["name"]!.GetValue<string>());
        Assert.Equal("/etc/meshc/inputs", container["volumeMounts"]![0]!["mountPath"]!.GetValue<string>());

        var service = ManifestFixture.Read(files, ServicePath);
        // The Service selects the server's pods and forwards its port to the port the server listens on.
        Assert.Equal(pod["metadata"]!["labels"]!["app.kubernetes.io/name"]!.GetValue<string>(),
            service["spec"]!["selector"]!["app.kubernetes.io/name"]!.GetValue<string>());
        var xds = service["spec"]!["ports"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "xds")!;
        Assert.Equal(18000, xds["port"]!.GetValue<long>());
        Assert.Contains(container["ports"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "xds" && p["containerPort"]!.GetValue<long>() == 18000);
    }

    [Fact]
    public void EveryNode_RunsAProxy_NamedAfterTheNode_FedByTheServersService()
    {
        var daemonSet = ManifestFixture.Read(Compile(EmitTargets.K8sServe), DaemonSetPath);
        var spec = daemonSet["spec"]!["template"]!["spec"]!;
        Assert.True(spec["hostNetwork"]!.GetValue<bool>());
        var container = spec["containers"]![0]!;
        Assert.Equal(["run", "--xds", "meshc-xds.meshc-system.svc:18000", "--node", "$(NODE_NAME)", "--node-cluster", "east-west", "--admin-port", "9964"],
            Strings(container["args"]));
        Assert.Equal("spec.nodeName", container["env"]![0]!["valueFrom"]!["fieldRef"]!["fieldPath"]!.GetValue<string>());
    }
}
