using Meshc.Compiler.Ir;
using Meshc.Compiler.Passes;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Tests.Passes;

public class ReferenceGrantsTests
{
    private const string Gw = RouteGroupKind.GatewayGroup;

    private static ReferenceGrants Grants(string? toName) => new(MeshModel.Empty with
    {
        ReferenceGrants = ValueList.Of(new ReferenceGrant(
            new ObjectMeta("g", "backend", ValueList<Label>.Empty, ValueList<Label>.Empty, 1, SourceLocation.None),
            ValueList.Of(new GrantFrom(Gw, "HTTPRoute", "front", SourceLocation.None)),
            ValueList.Of(new GrantTo("", "Service", toName, SourceLocation.None)))),
    });

    [Fact]
    public void IsAllowed_SameNamespace_AlwaysTrue() =>
        Assert.True(Grants(null).IsAllowed(Gw, "HTTPRoute", "x", "", "Service", "x", "any"));

    [Fact]
    public void IsAllowed_GrantWithoutName_AllowsEveryNameOfKind() =>
        Assert.True(Grants(null).IsAllowed(Gw, "HTTPRoute", "front", "", "Service", "backend", "any"));

    [Fact]
    public void IsAllowed_GrantWithName_AllowsOnlyThatName()
    {
        Assert.True(Grants("api").IsAllowed(Gw, "HTTPRoute", "front", "core", "Service", "backend", "api"));
        Assert.False(Grants("api").IsAllowed(Gw, "HTTPRoute", "front", "", "Service", "backend", "web"));
    }

    [Theory]
    [InlineData(Gw, "GRPCRoute", "front", "", "Service", "backend")]
    [InlineData("other.io", "HTTPRoute", "front", "", "Service", "backend")]
    [InlineData(Gw, "HTTPRoute", "elsewhere", "", "Service", "backend")]
    [InlineData(Gw, "HTTPRoute", "front", "", "Secret", "backend")]
    [InlineData(Gw, "HTTPRoute", "front", "", "Service", "third")]
    public void IsAllowed_AnyPartDiffers_False(string fromGroup, string fromKind, string fromNs, string toGroup, string toKind, string toNs) =>
        Assert.False(Grants(null).IsAllowed(fromGroup, fromKind, fromNs, toGroup, toKind, toNs, "api"));
}
