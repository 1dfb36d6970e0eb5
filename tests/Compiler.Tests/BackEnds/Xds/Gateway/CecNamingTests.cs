using Meshc.Compiler.BackEnds.Xds.Gateway;

namespace Meshc.Compiler.Tests.BackEnds.Xds.Gateway;

public class CecNamingTests
{
    [Fact]
    public void CecName_ShortGateway_IsPrefixedName()
    {
        Assert.Equal("cilium-gateway-my-example-gateway", CecNaming.CecName("my-example-gateway"));
    }

    [Fact]
    public void Shorten_ExactlyTheLimit_KeepsName()
    {
        var name = "cilium-gateway-" + new string('x', 48);
        Assert.Equal(63, name.Length);
        Assert.Equal(name, CecNaming.Shorten(name));
    }

    // Expected values computed outside .NET: sha256(name) hex, first 10 digits, 0→g 1→h 3→k a→m e→t.
    [Theory]
    [InlineData("cilium-gateway-" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "cilium-gateway-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-mkh7dh979m")]
    [InlineData("cilium-gateway-long-gateway-name-long-gateway-name-long-gateway-name-426",
        "cilium-gateway-long-gateway-name-long-gateway-name-l-hg4cfthfkm")]
    [InlineData("cilium-gateway-a-very-long-gateway-name-that-goes-on-and-on-past-the-limit",
        "cilium-gateway-a-very-long-gateway-name-that-goes-on-h275dmd647")]
    public void Shorten_OverTheLimit_Keeps52CharsAndEncodedHash(string name, string expected)
    {
        var shortened = CecNaming.Shorten(name);

        Assert.Equal(expected, shortened);
        Assert.Equal(63, shortened.Length);
    }

    [Fact]
    public void Translate_LongGatewayName_ShortensCecServiceAndLabel()
    {
        var gatewayName = "long-gateway-name-long-gateway-name-long-gateway-name-426";
        var gateway = Bound.NewGateway(gatewayName, Bound.Http());
        var mesh = Bound.Mesh(Bound.Binding(gateway, Bound.On(gateway.Listeners[0])));

        var cec = GatewayTranslator.Translate(mesh, CompilationOptions.Default, new Meshc.Compiler.Diagnostics.DiagnosticBag()).Single();

        Assert.Equal("cilium-gateway-long-gateway-name-long-gateway-name-l-hg4cfthfkm", cec.Name);
        Assert.Equal(cec.Name, cec.Services.Single().Name);
        Assert.Equal(gatewayName, cec.Labels.Single(l => l.Key == CecNaming.GatewayNameLabel).Value);
    }
}
