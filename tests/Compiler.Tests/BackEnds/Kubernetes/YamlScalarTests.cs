using Meshc.Compiler.BackEnds.Kubernetes;

namespace Meshc.Compiler.Tests.BackEnds.Kubernetes;

/// <summary>Template scalars read back as the same string.</summary>
public sealed class YamlScalarTests
{
    [Theory]
    [InlineData("cilium-gateway-web", "cilium-gateway-web")]
    [InlineData("io.cilium/lb-ipam-ips", "io.cilium/lb-ipam-ips")]
    [InlineData("true", "\"true\"")]
    [InlineData("No", "\"No\"")]
    [InlineData("8080", "\"8080\"")]
    [InlineData("", "\"\"")]
    [InlineData("a: b", "\"a: b\"")]
    [InlineData("default:echo-1:8080", "\"default:echo-1:8080\"")]
    public void Quote_Value_PlainOnlyWhenUnambiguous(string value, string expected) =>
        Assert.Equal(expected, YamlScalar.Quote(value));

    [Theory]
    [InlineData("true")]
    [InlineData("8080")]
    [InlineData("say \"hi\"\nbye")]
    [InlineData("1.5")]
    public void Quote_Value_ReadsBackAsTheString(string value)
    {
        var doc = Assert.Single(ManifestYaml.Parse("v: " + YamlScalar.Quote(value) + "\n"));
        Assert.Equal(value, (string?)doc["v"]);
    }
}
