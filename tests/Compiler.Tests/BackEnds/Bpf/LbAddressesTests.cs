using System.Text;
using System.Text.Json;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Tests.BackEnds.Bpf;

/// <summary>The load-balancer map and the runtime's bindings read one address table, so they name the same addresses.</summary>
public class LbAddressesTests
{
    private const string Input = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: { name: gw, namespace: default }
        spec:
          gatewayClassName: cilium
          listeners: [{ name: http, protocol: HTTP, port: 80 }]
        ---
        apiVersion: v1
        kind: Service
        metadata: { name: echo, namespace: default }
        spec: { ports: [{ port: 8080 }] }
        """;

    [Fact]
    public void Emit_GatewayAndService_LbFrontendsUseTheBoundAddresses()
    {
        var options = CompilationOptions.Default with { LoadBalancerPools = Ir.ValueList.Of("10.77.0.0/24"), ServiceCidr = "10.88.0.0/24" };
        var result = Compilation.Create([new SourceText("in.yaml", Input)], options).Emit(EmitTargets.Xds | EmitTargets.Bpf);
        Assert.NotNull(result.Bundle);
        string Text(string path) => Encoding.UTF8.GetString(result.Bundle.Files.Single(f => f.Path == path).Content);
        var lb = Text("bpf/cilium_lb4_services_v2.txt");
        // The Gateway's LoadBalancer address and its Service's clusterIP, then the Service's clusterIP, in namespace/name order.
        Assert.Contains("10.77.0.1:80/TCP  slot 0 (master)  default/cilium-gateway-gw", lb);
        Assert.Contains("10.88.0.1:80/TCP  slot 0 (master)  default/cilium-gateway-gw", lb);
        Assert.Contains("10.88.0.2:8080/TCP  slot 0 (master)  default/echo", lb);
        var binding = JsonDocument.Parse(Text("xds/redirects.json")).RootElement.GetProperty("bindings")[0];
        Assert.Equal("10.77.0.1", binding.GetProperty("address").GetString());
    }
}
