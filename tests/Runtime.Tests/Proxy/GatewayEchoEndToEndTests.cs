using System.Net;
using System.Text.Json;
using Meshc.Runtime.Proxy;
using Meshc.Runtime.Tests.Support;

namespace Meshc.Runtime.Tests.Proxy;

/// <summary>gateway-echo and gateway-redirects compiled, run on loopback with demo backends, and exercised over real sockets.</summary>
public sealed class GatewayEchoEndToEndTests : IAsyncLifetime
{
    private const string GatewayListener = "default/cilium-gateway-my-example-gateway/listener";
    private DemoBackends? _backends;
    private ProxyHost? _proxy;
    private readonly HttpClient _client = RuntimeHarness.Client();

    private string Url(string path) => $"http://127.0.0.1:{_proxy!.ListenerPorts[GatewayListener]}{path}";

    public async Task InitializeAsync()
    {
        var snapshot = RuntimeHarness.Compile("gateway-echo", "gateway-redirects");
        _backends = await DemoBackends.StartAsync(snapshot);
        _proxy = await RuntimeHarness.Start(_backends.Redirect(snapshot));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        if (_proxy is not null) await _proxy.DisposeAsync();
        if (_backends is not null) await _backends.DisposeAsync();
    }

    private async Task<JsonElement> Echo(HttpRequestMessage request)
    {
        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task Run_GatewayEcho_Splits90To10WithinTheBinomialBound()
    {
        const int n = 2000;
        var v1 = 0;
        for (var i = 0; i < n; i++)
        {
            var service = (await Echo(new HttpRequestMessage(HttpMethod.Get, Url("/echo")))).GetProperty("service").GetString();
            if (service == "echo-1") v1++;
            else Assert.Equal("echo-2", service);
        }
        // p = 0.9, n = 2000: mean 1800, sd = sqrt(n p (1-p)) ≈ 13.4; 99.9% two-sided is ±3.29 sd ≈ ±44.
        Assert.InRange(v1, 1756, 1844);
        Assert.Equal(n, _proxy!.Stats.Get("http.listener-insecure.downstream_rq_2xx"));
    }

    [Theory]
    [InlineData("/original-prefix/a?q=1", "http://127.0.0.1/replacement-prefix/a?q=1")]
    [InlineData("/scheme-and-host", "https://example.org/scheme-and-host")]
    [InlineData("/path-and-host/b", "http://example.org/replacement-prefix/b")]
    public async Task Run_GatewayRedirects_AnswerEnvoysExactLocation(string path, string location)
    {
        using var response = await _client.GetAsync(Url(path));
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(location, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/echoes")]
    [InlineData("/other/echo")]
    public async Task Run_PathOutsideEcho_Is404(string path)
    {
        using var response = await _client.GetAsync(Url(path));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Run_Backend_SeesForwardedForRequestIdAndTheRawPath()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Url("/echo/a%2Fb?x=1"));
        request.Headers.Add("x-forwarded-for", "203.0.113.7");
        var seen = await Echo(request);
        var headers = seen.GetProperty("headers");
        Assert.Equal("203.0.113.7,127.0.0.1", headers.GetProperty("x-forwarded-for").GetString());
        Assert.True(Guid.TryParse(headers.GetProperty("x-request-id").GetString(), out _));
        Assert.Equal("http", headers.GetProperty("x-forwarded-proto").GetString());
        // The client sent an x-forwarded-for, so the request is external: no x-envoy-internal, the peer is reported.
        Assert.False(headers.TryGetProperty("x-envoy-internal", out _));
        Assert.Equal("127.0.0.1", headers.GetProperty("x-envoy-external-address").GetString());
        Assert.Equal("/echo/a%2Fb?x=1", seen.GetProperty("path").GetString());
        Assert.StartsWith("127.0.0.1:", headers.GetProperty("host").GetString());
    }

    [Fact]
    public async Task Run_InternalClient_IsMarkedInternalAndKeepsItsRequestId()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Url("/echo"));
        request.Headers.Add("x-request-id", "keep-me");
        var headers = (await Echo(request)).GetProperty("headers");
        Assert.Equal("true", headers.GetProperty("x-envoy-internal").GetString());
        Assert.Equal("keep-me", headers.GetProperty("x-request-id").GetString());
        Assert.Equal("127.0.0.1", headers.GetProperty("x-forwarded-for").GetString());
    }

    [Fact]
    public async Task Admin_ReadyStatsClustersAndConfigDump_Answer()
    {
        await Echo(new HttpRequestMessage(HttpMethod.Get, Url("/echo")));
        var admin = $"http://127.0.0.1:{_proxy!.AdminPort}";
        Assert.Equal("LIVE\n", await _client.GetStringAsync(admin + "/ready"));
        var stats = await _client.GetStringAsync(admin + "/stats");
        Assert.Contains("http.listener-insecure.downstream_rq_total: ", stats);
        Assert.Matches("cluster.default/cilium-gateway-my-example-gateway/default:echo-[12]:8080.upstream_rq_total: 1", stats);
        var clusters = await _client.GetStringAsync(admin + "/clusters");
        Assert.Contains("default/cilium-gateway-my-example-gateway/default:echo-2:8080::127.0.0.1:", clusters);
        using var bundle = JsonDocument.Parse(await _client.GetStringAsync(admin + "/meshc/bundle"));
        Assert.Equal(_proxy.Holder.Current.BundleId, bundle.RootElement.GetProperty("bundle_id").GetString());
        Assert.Equal(JsonValueKind.Null, bundle.RootElement.GetProperty("last_load_error").ValueKind);
    }

    [Fact]
    public async Task Admin_ConfigDump_HasEnvoysShapeWithTypedResources()
    {
        var admin = $"http://127.0.0.1:{_proxy!.AdminPort}";
        using var dump = JsonDocument.Parse(await _client.GetStringAsync(admin + "/config_dump"));
        var configs = dump.RootElement.GetProperty("configs").EnumerateArray().ToList();
        Assert.Equal(
            ["BootstrapConfigDump", "ClustersConfigDump", "ListenersConfigDump", "RoutesConfigDump", "SecretsConfigDump"],
            configs.Select(c => c.GetProperty("@type").GetString()!.Replace("type.googleapis.com/envoy.admin.v3.", "")));
        var listener = configs[2].GetProperty("dynamic_listeners").EnumerateArray().Single(l => l.GetProperty("name").GetString() == GatewayListener);
        var active = listener.GetProperty("active_state");
        Assert.Equal(configs[2].GetProperty("version_info").GetString(), active.GetProperty("version_info").GetString());
        Assert.Equal("type.googleapis.com/envoy.config.listener.v3.Listener", active.GetProperty("listener").GetProperty("@type").GetString());
        Assert.True(active.GetProperty("listener").TryGetProperty("filter_chains", out _));
        var cluster = configs[1].GetProperty("dynamic_active_clusters")[0].GetProperty("cluster");
        Assert.Equal("type.googleapis.com/envoy.config.cluster.v3.Cluster", cluster.GetProperty("@type").GetString());
        Assert.True(cluster.TryGetProperty("typed_extension_protocol_options", out _));
        Assert.Contains(configs[3].GetProperty("dynamic_route_configs").EnumerateArray(),
            r => r.GetProperty("route_config").TryGetProperty("virtual_hosts", out _));

        using var withEds = JsonDocument.Parse(await _client.GetStringAsync(admin + "/config_dump?include_eds"));
        var eds = withEds.RootElement.GetProperty("configs")[4];
        Assert.Equal("type.googleapis.com/envoy.admin.v3.EndpointsConfigDump", eds.GetProperty("@type").GetString());
        Assert.Equal(JsonValueKind.Array, eds.GetProperty("dynamic_endpoint_configs").ValueKind);
    }

    [Fact]
    public async Task Admin_StatsPrometheus_UsesEnvoysTagsAndTypeLines()
    {
        await Echo(new HttpRequestMessage(HttpMethod.Get, Url("/echo")));
        using var notFound = await _client.GetAsync(Url("/nowhere"));
        var admin = $"http://127.0.0.1:{_proxy!.AdminPort}";
        var text = await _client.GetStringAsync(admin + "/stats/prometheus");
        Assert.Contains("# TYPE envoy_http_downstream_rq_xx counter\n", text);
        Assert.Matches("envoy_http_downstream_rq_xx\\{envoy_response_code_class=\"2\",envoy_http_conn_manager_prefix=\"listener-insecure\"\\} [1-9]", text);
        Assert.Matches("envoy_http_downstream_rq_xx\\{envoy_response_code_class=\"4\",envoy_http_conn_manager_prefix=\"listener-insecure\"\\} [1-9]", text);
        Assert.Contains("# TYPE envoy_cluster_upstream_rq_total counter\n", text);
        Assert.Matches("envoy_cluster_upstream_rq_total\\{envoy_cluster_name=\"default/cilium-gateway-my-example-gateway/default:echo-[12]:8080\"\\} [1-9]", text);
        Assert.Matches("envoy_cluster_upstream_rq\\{envoy_response_code=\"200\",envoy_cluster_name=\"[^\"]+\"\\} [1-9]", text);
        var families = text.Split('\n').Where(l => l.StartsWith("# TYPE ")).Select(l => l.Split(' ')[2]).ToList();
        Assert.Equal(families.Order(StringComparer.Ordinal), families);
        Assert.Equal(text, await _client.GetStringAsync(admin + "/stats?format=prometheus"));
        var stats = await _client.GetStringAsync(admin + "/stats");
        Assert.Contains("http.listener-insecure.no_route: ", stats);
    }
}
