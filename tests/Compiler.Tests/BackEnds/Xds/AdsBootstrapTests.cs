using Envoy.Config.Bootstrap.V3;
using Envoy.Config.Cluster.V3;
using Meshc.Compiler.BackEnds.Kubernetes;
using Meshc.Compiler.Cli;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.FrontEnds;
using Meshc.EnvoyApi;

namespace Meshc.Compiler.Tests.BackEnds.Xds;

/// <summary><c>--emit envoy-ads</c>: an Envoy bootstrap per Gateway that takes its configuration over ADS from meshc serve.</summary>
public sealed class AdsBootstrapTests
{
    private static Compiler.Bundle.CompiledBundle Compile(CompilationOptions options)
    {
        var sources = SourceLoader.Load([Path.Combine(RepositoryPaths.Root, "examples", "gateway-echo")], new DiagnosticBag());
        var result = Compilation.Create(sources, options).Emit(EmitTargets.Xds | EmitTargets.EnvoyAds);
        Assert.NotNull(result.Bundle);
        return result.Bundle;
    }

    private static Bootstrap Read(Compiler.Bundle.CompiledBundle bundle, string path) =>
        EnvoyJson.Parse<Bootstrap>(Assert.Single(ManifestYaml.Parse(bundle.ReadText(path))).ToJsonString());

    [Fact]
    public void EachGateway_GetsABootstrap_WithItsNodeAndAdsToTheServer()
    {
        var bundle = Compile(CompilationOptions.Default);
        Assert.Equal(["envoy/ads-bootstrap-default-cilium-gw.yaml", "envoy/ads-bootstrap-default-my-example-gateway.yaml"],
            bundle.Files.Select(f => f.Path).Where(p => p.StartsWith("envoy/ads-", StringComparison.Ordinal)));
        var bootstrap = Read(bundle, "envoy/ads-bootstrap-default-my-example-gateway.yaml");
        Assert.Equal(("default/my-example-gateway", "default/my-example-gateway"), (bootstrap.Node.Id, bootstrap.Node.Cluster));
        var ads = bootstrap.DynamicResources.AdsConfig;
        Assert.Equal(Envoy.Config.Core.V3.ApiConfigSource.Types.ApiType.Grpc, ads.ApiType);
        Assert.Equal(Envoy.Config.Core.V3.ApiVersion.V3, ads.TransportApiVersion);
        Assert.Equal("meshc-xds", ads.GrpcServices.Single().EnvoyGrpc.ClusterName);
        Assert.NotNull(bootstrap.DynamicResources.LdsConfig.Ads);
        Assert.Equal(Envoy.Config.Core.V3.ApiVersion.V3, bootstrap.DynamicResources.CdsConfig.ResourceApiVersion);
        var server = bootstrap.StaticResources.Clusters.Single();
        Assert.Equal(Cluster.Types.DiscoveryType.Static, server.Type);
        var address = server.LoadAssignment.Endpoints.Single().LbEndpoints.Single().Endpoint.Address.SocketAddress;
        Assert.Equal(("127.0.0.1", 18000u), (address.Address, address.PortValue));
        Assert.Empty(Meshc.EnvoyApi.Validation.PgvValidator.Validate(bootstrap));
    }

    [Fact]
    public void AServerName_IsResolvedByDns()
    {
        var bundle = Compile(CompilationOptions.Default with { XdsServer = "meshc-xds.meshc-system.svc:18000" });
        var server = Read(bundle, "envoy/ads-bootstrap-default-cilium-gw.yaml").StaticResources.Clusters.Single();
        Assert.Equal(Cluster.Types.DiscoveryType.StrictDns, server.Type);
        Assert.Equal("meshc-xds.meshc-system.svc", server.LoadAssignment.Endpoints[0].LbEndpoints[0].Endpoint.Address.SocketAddress.Address);
    }

    [Theory]
    [InlineData("127.0.0.1:18000", true)]
    [InlineData("meshc-xds.meshc-system.svc:18000", true)]
    [InlineData("[::1]:18000", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("127.0.0.1:0", false)]
    [InlineData("127.0.0.1:70000", false)]
    [InlineData("bad host:1", false)]
    public void XdsServerOption_AcceptsHostAndPort(string text, bool valid) => Assert.Equal(valid, XdsServerOption.IsValid(text));
}
