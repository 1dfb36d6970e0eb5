using Meshc.Compiler.Schemas;

namespace Meshc.Compiler.Tests.Schemas;

/// <summary>The embedded schemas load, and every kind meshc compiles finds its schema.</summary>
public sealed class SchemaRegistryTests
{
    [Fact]
    public void Find_EveryIndexedSchema_Loads()
    {
        var entries = SchemaRegistry.Entries.ToList();
        Assert.True(entries.Count >= 20, $"only {entries.Count} schema entries are embedded");
        foreach (var (kind, apiVersion) in entries)
            Assert.NotNull(SchemaRegistry.Find(kind, apiVersion));
    }

    [Theory]
    [InlineData("GatewayClass", "gateway.networking.k8s.io/v1")]
    [InlineData("GatewayClass", "gateway.networking.k8s.io/v1beta1")]
    [InlineData("Gateway", "gateway.networking.k8s.io/v1")]
    [InlineData("Gateway", "gateway.networking.k8s.io/v1beta1")]
    [InlineData("HTTPRoute", "gateway.networking.k8s.io/v1")]
    [InlineData("HTTPRoute", "gateway.networking.k8s.io/v1beta1")]
    [InlineData("GRPCRoute", "gateway.networking.k8s.io/v1")]
    [InlineData("ReferenceGrant", "gateway.networking.k8s.io/v1")]
    [InlineData("ReferenceGrant", "gateway.networking.k8s.io/v1beta1")]
    [InlineData("Service", "v1")]
    [InlineData("Namespace", "v1")]
    [InlineData("Secret", "v1")]
    [InlineData("EndpointSlice", "discovery.k8s.io/v1")]
    [InlineData("Deployment", "apps/v1")]
    [InlineData("StatefulSet", "apps/v1")]
    [InlineData("DaemonSet", "apps/v1")]
    [InlineData("CiliumEnvoyConfig", "cilium.io/v2")]
    [InlineData("CiliumClusterwideEnvoyConfig", "cilium.io/v2")]
    public void Find_CompiledKind_HasASchema(string kind, string apiVersion) =>
        Assert.NotNull(SchemaRegistry.Find(kind, apiVersion));

    [Fact]
    public void Find_VersionsServedIdentically_ShareOneLoadedSchema() =>
        Assert.Same(SchemaRegistry.Find("HTTPRoute", "gateway.networking.k8s.io/v1"),
            SchemaRegistry.Find("HTTPRoute", "gateway.networking.k8s.io/v1beta1"));

    [Fact]
    public void Find_VersionNoLongerServed_HasNoSchema() =>
        Assert.Null(SchemaRegistry.Find("GRPCRoute", "gateway.networking.k8s.io/v1alpha2"));
}
