using Meshc.Server.Resources;
using Meshc.Server.Snapshots;
using Meshc.Server.Tests.Support;

namespace Meshc.Server.Tests.Snapshots;

/// <summary>What a node's cluster (or id) selects from a compiled bundle.</summary>
public sealed class NodeSelectionTests
{
    private static readonly ResourceSet Set = Compile("gateway-echo");

    private static ResourceSet Compile(string example)
    {
        var folder = Path.Combine(Repository.Root, "examples", example);
        var result = Meshc.Compiler.Compilation.Create(Meshc.Compiler.FrontEnds.SourceLoader.Load([folder], new Meshc.Compiler.Diagnostics.DiagnosticBag()))
            .Emit(Meshc.Compiler.EmitTargets.Xds);
        return BundleResources.From(result.Bundle!);
    }

    [Fact]
    public void Everything_GetsEveryResource_ButApiListenersOnlyByName()
    {
        var all = NodeSelection.Build("*", Set);
        foreach (var type in ResourceTypes.Served) Assert.Equal(Set.Of(type).Count, all.Of(type).Visible.Count);
        Assert.Contains("cilium-gateway-my-example-gateway.default.svc.cluster.local:80", all.Of(ResourceTypes.Listener).Visible.Keys);
        Assert.DoesNotContain(all.Of(ResourceTypes.Listener).Wildcard, r => r.Name.EndsWith(":80", StringComparison.Ordinal));
    }

    [Fact]
    public void AGateway_GetsItsListenerAndWhatItNeeds_AndNothingOfTheOtherGateway()
    {
        var gateway = NodeSelection.Build("default/cilium-gw", Set);
        Assert.Equal("gateway default/cilium-gw", gateway.Description);
        Assert.Equal(["default/cilium-gateway-cilium-gw/listener"], gateway.Of(ResourceTypes.Listener).Wildcard.Select(r => r.Name));
        Assert.All(gateway.Of(ResourceTypes.Route).Visible.Keys, n => Assert.DoesNotContain("my-example-gateway", n, StringComparison.Ordinal));
        Assert.Equal(["gateway/default/cilium-gw"], gateway.Of(ResourceTypes.Binding).Visible.Keys);
    }

    [Theory]
    [InlineData("default/nope")]
    [InlineData("meshc")]
    [InlineData("")]
    public void AnUnknownSelector_GetsNothing_AndSaysWhy(string selector)
    {
        var none = NodeSelection.Build(selector, Set);
        Assert.Equal(0, none.Count);
        Assert.StartsWith("nothing:", none.Description, StringComparison.Ordinal);
    }
}
