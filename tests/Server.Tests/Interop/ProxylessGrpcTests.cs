using System.Text.Json.Nodes;
using Meshc.Server.Tests.Support;
using Xunit.Abstractions;

namespace Meshc.Server.Tests.Interop;

/// <summary>
/// A proxyless gRPC client (@grpc/grpc-js-xds) given only a bootstrap that points at <c>meshc serve</c> calls a
/// GRPCRoute's backends through <c>xds:///cilium-gateway-grpc-gw.default.svc.cluster.local:80</c>, the API listener
/// the server names after the Gateway's Service, and the route's 80/20 split is observed.
/// </summary>
public sealed class ProxylessGrpcTests(ITestOutputHelper output)
{
    private const int Calls = 400;

    [NodeFact]
    public async Task WeightedGrpcRoute_IsFollowed_ByAProxylessClient()
    {
        await using var backends = NodeProcess.Start("grpc-backends.js", "echo-a", "echo-b");
        var ports = (await backends.Expect(e => e.GetProperty("event").GetString() == "backends")).GetProperty("ports");
        var files = new Dictionary<string, string> { ["grpc.yaml"] = Scenario(ports.GetProperty("echo-a").GetInt32(), ports.GetProperty("echo-b").GetInt32()) };
        await using var server = await TestServer.StartAsync(files, watch: false);

        var bootstrap = Path.Combine(server.Folder, "..", $"{Path.GetFileName(server.Folder)}-bootstrap.json");
        await File.WriteAllTextAsync(bootstrap, new JsonObject
        {
            ["xds_servers"] = new JsonArray(new JsonObject
            {
                ["server_uri"] = $"127.0.0.1:{server.Server.XdsPort}",
                ["channel_creds"] = new JsonArray(new JsonObject { ["type"] = "insecure" }),
                ["server_features"] = new JsonArray("xds_v3"),
            }),
            ["node"] = new JsonObject { ["id"] = "proxyless-1", ["cluster"] = "*", ["locality"] = new JsonObject() },
        }.ToJsonString());
        try
        {
            await using var client = NodeProcess.Start("proxyless-client.js", new Dictionary<string, string> { ["GRPC_XDS_BOOTSTRAP"] = bootstrap }, "cilium-gateway-grpc-gw.default.svc.cluster.local:80", Calls.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var result = await client.Expect(e => e.GetProperty("event").GetString() == "counts", TimeSpan.FromSeconds(90));
            var counts = result.GetProperty("counts");
            var a = counts.TryGetProperty("echo-a", out var ca) ? ca.GetInt32() : 0;
            var b = counts.TryGetProperty("echo-b", out var cb) ? cb.GetInt32() : 0;
            output.WriteLine($"echo-a {a}, echo-b {b} of {Calls}");
            Assert.Equal(Calls, a + b);
            // 80/20 over 400 calls: mean 320, standard deviation 8; ±4 deviations is a bound a correct split misses
            // about once in 16,000 runs.
            Assert.InRange(a, 288, 352);
        }
        finally
        {
            File.Delete(bootstrap);
        }
    }

    private static string Scenario(int portA, int portB) => $$$"""
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: grpc-gw, namespace: default}
        spec:
          gatewayClassName: cilium
          listeners: [{name: grpc, port: 80, protocol: HTTP}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: GRPCRoute
        metadata: {name: echo, namespace: default}
        spec:
          parentRefs: [{name: grpc-gw}]
          rules:
            - matches: [{method: {service: meshc.test.Echo}}]
              backendRefs: [{name: echo-a, port: 50051, weight: 80}, {name: echo-b, port: 50051, weight: 20}]
        {{{Backend("echo-a", portA)}}}
        {{{Backend("echo-b", portB)}}}
        """;

    private static string Backend(string name, int port) => """
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: {{name}}, namespace: default}
        spec:
          ports: [{name: grpc, port: 50051, targetPort: {{port}}, protocol: TCP}]
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata:
          name: {{name}}-1
          namespace: default
          labels: {kubernetes.io/service-name: {{name}}}
        addressType: IPv4
        ports: [{name: grpc, port: {{port}}, protocol: TCP}]
        endpoints: [{addresses: [127.0.0.1]}]
        """.Replace("{{name}}", name, StringComparison.Ordinal).Replace("{{port}}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
