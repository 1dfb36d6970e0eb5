using System.Text;
using System.Text.Json;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Tests.BackEnds.Bpf;

/// <summary>
/// <c>policy.json</c> carries each frontend's backend (target) port, resolved as the load-balancer backends are: the
/// EndpointSlice port of the Service port's name, else a numeric targetPort, else the Service port.
/// </summary>
public sealed class TargetPortTests
{
    private static string Service(string ports) => $$"""
        apiVersion: v1
        kind: Service
        metadata: { name: web, namespace: default }
        spec: { clusterIP: 10.96.0.5, selector: { app: web }, ports: [{{ports}}] }
        ---

        """;

    private const string NamedSlice = """
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: { name: web-1, namespace: default, labels: { kubernetes.io/service-name: web } }
        addressType: IPv4
        ports: [{ name: metrics, port: 9100 }, { name: http, port: 8080 }]
        endpoints: [{ addresses: [10.0.0.7], conditions: { ready: true } }]
        ---

        """;

    private static (JsonElement Frontend, string Lb) Emit(params string[] documents)
    {
        var result = Compilation.Create([new SourceText("in.yaml", BpfInputs.Deployment("web", "app: web") + string.Concat(documents))])
            .Emit(EmitTargets.Xds | EmitTargets.Bpf);
        Assert.True(result.Bundle is not null, string.Join("\n", result.Diagnostics));
        string Text(string path) => Encoding.UTF8.GetString(result.Bundle.Files.Single(f => f.Path == path).Content);
        var frontend = JsonDocument.Parse(Text("bpf/policy.json")).RootElement.GetProperty("frontends").EnumerateArray()
            .Single(f => f.GetProperty("service").GetString() == "default/web" && f.GetProperty("port").GetInt32() == 80);
        return (frontend.Clone(), Text("bpf/cilium_lb4_backends_v3.txt"));
    }

    [Fact]
    public void Emit_NamedTargetPort_TargetPortIsTheSlicePortOfThatNameAsTheBackendsAre()
    {
        var (frontend, lb) = Emit(Service("{ name: http, port: 80, targetPort: http }, { name: metrics, port: 9100 }"), NamedSlice);
        Assert.Equal(8080, frontend.GetProperty("targetPort").GetInt32());
        Assert.Equal("10.0.0.7:8080", frontend.GetProperty("backends")[0].GetString());
        Assert.Contains("10.0.0.7:8080/TCP", lb);
    }

    [Fact]
    public void Emit_NumericTargetPortWithoutSlices_TargetPortIsTheNumber()
    {
        var (frontend, _) = Emit(Service("{ port: 80, targetPort: 9090 }"));
        Assert.Equal(9090, frontend.GetProperty("targetPort").GetInt32());
        Assert.Equal(0, frontend.GetProperty("backends").GetArrayLength());
    }

    [Fact]
    public void Emit_NoTargetPort_TargetPortIsTheServicePort()
    {
        var (frontend, _) = Emit(Service("{ port: 80 }"));
        Assert.Equal(80, frontend.GetProperty("targetPort").GetInt32());
    }
}
