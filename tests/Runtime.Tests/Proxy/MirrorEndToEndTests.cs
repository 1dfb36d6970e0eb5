using System.Net;
using Meshc.Runtime.Model;
using Meshc.Runtime.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Meshc.Runtime.Tests.Proxy;

/// <summary>An HTTPRoute RequestMirror filter compiled to request_mirror_policies and run: the mirror backend sees the copy.</summary>
public sealed class MirrorEndToEndTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "meshc-mirror-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private const string GatewayAndRoute = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: mirror-gw, namespace: default}
        spec:
          gatewayClassName: cilium
          listeners: [{protocol: HTTP, port: 80, name: web, allowedRoutes: {namespaces: {from: Same}}}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: mirrored, namespace: default}
        spec:
          parentRefs: [{name: mirror-gw}]
          hostnames: [mirror.example]
          rules:
            - matches: [{path: {type: PathPrefix, value: /mirror}}]
              filters:
                - type: RequestMirror
                  requestMirror: {backendRef: {name: echo-2, port: 8080}}
              backendRefs: [{name: echo-1, port: 8080}]
        """;

    [Fact]
    public async Task Run_HttpRouteRequestMirror_MirrorBackendSeesTheShadowCopy()
    {
        var inputs = Path.Combine(_folder, "in");
        Directory.CreateDirectory(inputs);
        foreach (var file in new[] { "00-cilium-gw.yaml", "01-echo-workloads.yaml" })
            File.Copy(Path.Combine(RuntimeHarness.RepoRoot, "examples", "gateway-echo", file), Path.Combine(inputs, file));
        File.WriteAllText(Path.Combine(inputs, "02-mirror.yaml"), GatewayAndRoute);
        var snapshot = RuntimeHarness.CompileTo(Path.Combine(_folder, "out"), inputs);

        var seen = new TaskCompletionSource<(string Host, string Path, string Body)>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var main = await TestBackend.StartAsync(ctx => ctx.Response.WriteAsync("main"));
        await using var mirror = await TestBackend.StartAsync(async ctx =>
        {
            using var reader = new StreamReader(ctx.Request.Body);
            seen.TrySetResult((ctx.Request.Headers.Host.ToString(), ctx.Request.Path.Value!, await reader.ReadToEndAsync()));
        });
        var clusters = snapshot.Clusters.ToDictionary(kv => kv.Key, kv => kv.Value with
        {
            Endpoints = [new EndpointModel("127.0.0.1", kv.Key.Contains(":echo-2:") ? mirror.Port : main.Port)],
        });
        await using var proxy = await RuntimeHarness.Start(snapshot with { Clusters = clusters });
        using var client = RuntimeHarness.Client();
        var port = proxy.ListenerPorts["default/cilium-gateway-mirror-gw/listener"];
        var request = new HttpRequestMessage(HttpMethod.Put, $"http://127.0.0.1:{port}/mirror/a") { Content = new StringContent("copy me") };
        request.Headers.Host = "mirror.example";
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("main", await response.Content.ReadAsStringAsync());
        Assert.Equal(("mirror.example-shadow", "/mirror/a", "copy me"), await seen.Task.WaitAsync(TimeSpan.FromSeconds(5)));
    }
}
