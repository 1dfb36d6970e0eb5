using Envoy.Config.Bootstrap.V3;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using Envoy.Config.Endpoint.V3;
using Envoy.Config.Listener.V3;
using Envoy.Config.Route.V3;
using Meshc.Compiler.BackEnds.Xds;
using Meshc.Compiler.FrontEnds.Yaml;
using Meshc.Compiler.Tests.FrontEnds.Cilium;
using Meshc.Compiler.Text;
using Meshc.EnvoyApi;
using Meshc.EnvoyApi.Validation;
using YamlDotNet.RepresentationModel;
using Hcm = Envoy.Extensions.Filters.Network.HttpConnectionManager.V3.HttpConnectionManager;

namespace Meshc.Compiler.Tests.BackEnds.Xds.Agent;

public sealed class BookstoreXdsTests
{
    private const string Listener = "default/bookstore-canary/bookstore-listener";
    private const string RouteConfig = "default/bookstore-canary/bookstore-route";

    private static readonly Lazy<XdsBundle> Bookstore = new(() => XdsBundle.Compile(CecInputs.Bookstore()));

    /// <summary>Endpoints for bookstore-v1: two ready pods, one terminating (left out while others are ready).</summary>
    private static readonly SourceText Slice = new("slices.yaml", """
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata:
          name: bookstore-v1-abc
          namespace: default
          labels: { kubernetes.io/service-name: bookstore-v1 }
        addressType: IPv4
        ports:
          - port: 8080
            protocol: TCP
        endpoints:
          - addresses: ["10.0.0.12"]
          - addresses: ["10.0.0.7"]
            conditions: { ready: true }
          - addresses: ["10.0.0.9"]
            conditions: { ready: false, serving: true, terminating: true }
        """);

    [Fact]
    public void Build_Bookstore_ListenerGetsAProxyPortOnLocalhost()
    {
        var listener = Bookstore.Value.Single<Listener>(XdsFiles.Listeners, l => l.Name == Listener);

        Assert.Equal("127.0.0.1", listener.Address.SocketAddress.Address);
        Assert.Equal((uint)CompilationOptions.Default.ProxyPortBase, listener.Address.SocketAddress.PortValue);
        Assert.DoesNotContain(listener.ListenerFilters, f => f.Name.StartsWith("cilium.", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_Bookstore_HcmReadsItsQualifiedRouteConfigFromTheBundle()
    {
        var listener = Bookstore.Value.Single<Listener>(XdsFiles.Listeners, l => l.Name == Listener);
        var filter = Assert.Single(Assert.Single(listener.FilterChains).Filters);
        var hcm = filter.TypedConfig.Unpack<Hcm>();

        Assert.Equal(RouteConfig, hcm.Rds.RouteConfigName);
        Assert.Equal(XdsFiles.Route(RouteConfig), hcm.Rds.ConfigSource.PathConfigSource.Path);
        Assert.Equal("xds/routes/default%2Fbookstore-canary%2Fbookstore-route.json", hcm.Rds.ConfigSource.PathConfigSource.Path);
        Assert.Equal(ApiVersion.V3, hcm.Rds.ConfigSource.ResourceApiVersion);
        Assert.Equal(["envoy.filters.http.router"], hcm.HttpFilters.Select(f => f.Name));
        var routeFile = Bookstore.Value.Resources<RouteConfiguration>(hcm.Rds.ConfigSource.PathConfigSource.Path);
        Assert.Equal(RouteConfig, Assert.Single(routeFile).Name);
    }

    [Fact]
    public void Build_Bookstore_RouteSplits90To10WithRetries()
    {
        var config = Bookstore.Value.Single<RouteConfiguration>(XdsFiles.Routes, r => r.Name == RouteConfig);
        var host = Assert.Single(config.VirtualHosts);
        var action = Assert.Single(host.Routes).Route_;

        Assert.Equal("default/bookstore-canary/bookstore-vh", host.Name);
        Assert.Equal(
            [("default/bookstore-v1", 90u), ("default/bookstore-v2", 10u)],
            action.WeightedClusters.Clusters.Select(c => (c.Name, c.Weight ?? 0)));
        Assert.DoesNotContain("totalWeight", Bookstore.Value.Files.ReadText(XdsFiles.Routes));
        Assert.Equal("5xx", action.RetryPolicy.RetryOn);
        Assert.Equal(2u, action.RetryPolicy.NumRetries);
        Assert.Equal(Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.FromSeconds(1)), action.RetryPolicy.PerTryTimeout);
    }

    [Fact]
    public void Build_Bookstore_ClustersKeepTheirGlobalNamesAndReadEndpointsFromTheBundle()
    {
        var clusters = Bookstore.Value.Resources<Cluster>(XdsFiles.Clusters);

        Assert.Equal(["default/bookstore-v1", "default/bookstore-v2"], clusters.Select(c => c.Name));
        foreach (var cluster in clusters)
        {
            Assert.Equal(Cluster.Types.DiscoveryType.Eds, cluster.Type);
            Assert.Equal(Cluster.Types.LbPolicy.RoundRobin, cluster.LbPolicy);
            Assert.Equal(XdsFiles.Endpoint(cluster.Name), cluster.EdsClusterConfig.EdsConfig.PathConfigSource.Path);
            Assert.Equal(ApiVersion.V3, cluster.EdsClusterConfig.EdsConfig.ResourceApiVersion);
            Assert.True(cluster.OutlierDetection.SplitExternalLocalOriginErrors);
            Assert.Equal(2u, cluster.OutlierDetection.ConsecutiveLocalOriginFailure);
            Assert.Equal(128u, Assert.Single(cluster.CircuitBreakers.Thresholds).MaxRetries);
        }
    }

    [Fact]
    public void Build_BookstoreWithoutEndpointSlices_PublishesEmptyAssignments()
    {
        var names = Bookstore.Value.Resources<ClusterLoadAssignment>(XdsFiles.Endpoints).Select(a => a.ClusterName).ToList();

        Assert.Contains("default/bookstore-v1", names);
        Assert.Contains("default/bookstore-v2", names);
        Assert.Contains("default/bookstore-v1:*", names);
        Assert.Contains("default/bookstore-v1:8080", names);
        Assert.Contains("default/bookstore", names);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        var v1 = Assert.Single(Bookstore.Value.Resources<ClusterLoadAssignment>(XdsFiles.Endpoint("default/bookstore-v1")));
        Assert.Empty(v1.Endpoints);
    }

    [Fact]
    public void Build_BookstoreWithEndpointSlice_PublishesReadyAddressesAtTheTargetPort()
    {
        var bundle = XdsBundle.Compile([.. CecInputs.Bookstore(), Slice]);
        var v1 = Assert.Single(bundle.Resources<ClusterLoadAssignment>(XdsFiles.Endpoint("default/bookstore-v1")));

        var addresses = v1.Endpoints.SelectMany(l => l.LbEndpoints)
            .Select(e => $"{e.Endpoint.Address.SocketAddress.Address}:{e.Endpoint.Address.SocketAddress.PortValue}");
        Assert.Equal(["10.0.0.12:8080", "10.0.0.7:8080"], addresses);
        var v2 = Assert.Single(bundle.Resources<ClusterLoadAssignment>(XdsFiles.Endpoint("default/bookstore-v2")));
        Assert.Empty(v2.Endpoints);
    }

    [Fact]
    public void Build_Bookstore_RedirectsTheServiceToTheListenerPort()
    {
        var redirects = System.Text.Json.Nodes.JsonNode.Parse(Bookstore.Value.Files.ReadText(XdsFiles.Redirects))!;

        var service = Assert.Single(redirects["services"]!.AsArray())!;
        Assert.Equal("bookstore", (string)service["name"]!);
        Assert.Equal(Listener, (string)service["listener"]!);
        Assert.Equal(CompilationOptions.Default.ProxyPortBase, (int)service["proxyPort"]!);
        var listener = Assert.Single(redirects["listeners"]!.AsArray())!;
        Assert.True((bool)listener["allocated"]!);
    }

    [Fact]
    public void Build_Bookstore_EveryXdsFileParsesStrictlyAndPassesValidation()
    {
        var bundle = XdsBundle.Compile([.. CecInputs.Bookstore(), Slice]);
        var files = bundle.Files.Files.Select(f => f.Path)
            .Where(p => p.StartsWith("xds/", StringComparison.Ordinal) && p != XdsFiles.Redirects).ToList();

        Assert.True(files.Count > 6);
        foreach (var path in files)
        {
            var response = bundle.Response(path);
            Assert.NotEmpty(response.VersionInfo);
            foreach (var any in response.Resources)
            {
                Assert.Equal(response.TypeUrl, any.TypeUrl);
                var message = EnvoyTypes.FindMessage(any.TypeUrl)!.Parser.ParseFrom(any.Value);
                Assert.Empty(PgvValidator.Validate(message));
            }
        }
    }

    [Fact]
    public void Build_Bookstore_BootstrapParsesBackStrictly()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(Bookstore.Value.Files.ReadText(XdsFiles.Bootstrap)));
        var json = YamlJson.Convert(yaml.Documents[0].RootNode, XdsFiles.Bootstrap).Root!.ToJsonString();

        var bootstrap = EnvoyJson.Parse<Bootstrap>(json);

        Assert.Empty(PgvValidator.Validate(bootstrap));
        Assert.Equal("meshc", bootstrap.Node.Id);
        Assert.Equal(9901u, bootstrap.Admin.Address.SocketAddress.PortValue);
        Assert.Equal(XdsFiles.Listeners, bootstrap.DynamicResources.LdsConfig.PathConfigSource.Path);
        Assert.Equal(XdsFiles.Clusters, bootstrap.DynamicResources.CdsConfig.PathConfigSource.Path);
        Assert.Equal(ApiVersion.V3, bootstrap.DynamicResources.CdsConfig.ResourceApiVersion);
    }

    [Fact]
    public void Build_BookstoreTwice_WritesIdenticalBytes()
    {
        var first = XdsBundle.Compile([.. CecInputs.Bookstore(), Slice]).Files;
        var second = XdsBundle.Compile([.. CecInputs.Bookstore(), Slice]).Files;

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.Files.Select(f => (f.Path, f.Sha256)), second.Files.Select(f => (f.Path, f.Sha256)));
    }

    [Fact]
    public void Build_BookstoreInShuffledOrder_WritesIdenticalXdsFiles()
    {
        var sources = CecInputs.Bookstore().Append(Slice).ToList();
        var documents = sources.SelectMany(s => s.Text.Split("\n---", StringSplitOptions.RemoveEmptyEntries)).Reverse();
        var oneFile = new SourceText("all.yaml", string.Join("\n---\n", documents));

        var ordered = XdsOutput(XdsBundle.Compile(sources));
        var reversed = XdsOutput(XdsBundle.Compile(Enumerable.Reverse(sources)));
        var shuffled = XdsOutput(XdsBundle.Compile([oneFile]));

        Assert.Equal(ordered, reversed);
        Assert.Equal(ordered, shuffled);
    }

    private static IReadOnlyList<(string, string)> XdsOutput(XdsBundle bundle) =>
        bundle.Files.Files.Where(f => f.Path != Bundle.BundleManifest.FileName).Select(f => (f.Path, f.Sha256)).ToList();
}
