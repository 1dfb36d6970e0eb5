using Meshc.Compiler.BackEnds.Kubernetes;

namespace Meshc.Compiler.Tests.BackEnds.Kubernetes;

/// <summary>Every manifest meshc emits passes its schema, and the check does catch a broken one.</summary>
public sealed class ManifestValidationTests
{
    // gateway-redirects attaches to the Gateway of gateway-echo, so it is compiled with it.
    public static TheoryData<string[]> Examples() => new(["gateway-echo"], ["bookstore-canary"], ["gateway-echo", "gateway-redirects"]);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Emit_Example_EveryManifestPassesItsSchema(string[] examples)
    {
        var files = ManifestFixture.Compile(ManifestFixture.Load(examples.Select(ManifestFixture.Example).ToArray()));
        Assert.NotEmpty(files);
        foreach (var (path, text) in files)
        {
            var manifest = ToManifest(path, text);
            Assert.Empty(ManifestValidation.Check(manifest));
        }
    }

    [Fact]
    public void Check_CecWithoutResourcesAndBadServicePort_Fails()
    {
        var broken = new Manifest("cilium.io/v2", "CiliumEnvoyConfig", "default", "x",
            "apiVersion: cilium.io/v2\nkind: CiliumEnvoyConfig\nmetadata:\n  name: x\nspec:\n  services:\n  - name: a\n    ports:\n    - eighty\n");
        var problems = ManifestValidation.Check(broken);
        Assert.Contains(problems, p => p.Contains("resources", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("spec.services[0].ports[0]", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_ServiceWithBadPort_Fails()
    {
        var broken = new Manifest("v1", "Service", "default", "s",
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  type: LoadBalancer\n  ports:\n  - port: 80\n    protocl: TCP\n  - port: 70000\n");
        var problems = ManifestValidation.Check(broken);
        Assert.Contains(problems, p => p.Contains("protocl", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("spec.ports[1].port", StringComparison.Ordinal));
    }

    private static Manifest ToManifest(string path, string text)
    {
        var doc = Assert.Single(ManifestYaml.Parse(text));
        return new Manifest((string)doc["apiVersion"]!, (string)doc["kind"]!, (string?)doc["metadata"]!["namespace"] ?? "", (string)doc["metadata"]!["name"]!, text)
        {
            IsStatusPatch = path.EndsWith(".status.yaml", StringComparison.Ordinal),
        };
    }
}
