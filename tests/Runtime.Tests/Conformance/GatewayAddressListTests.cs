namespace Meshc.Runtime.Tests.Conformance;

/// <summary>The suite's address placeholders filled in and patched away on the YAML, as its manifest applier does.</summary>
public sealed class GatewayAddressListTests
{
    [SharedFact(ConformanceManifests.SharedFolder)]
    public void Overlay_StaticAddressesManifest_KeepsTheInvalidTypeThenUnusableThenUsable()
    {
        var yaml = File.ReadAllText(Path.Combine(ConformanceManifests.Root, "tests", "gateway-static-addresses.yaml"));
        var listed = GatewayAddressList.Overlay(yaml, ["127.0.102.1"], ["127.0.101.200"]);
        Assert.Equal(
            [new("test/fake-invalid-type", "fake address teehee!"), new("IPAddress", "127.0.102.1"), new("IPAddress", "127.0.101.200")],
            listed);
        var written = GatewayAddressList.Write(yaml, listed.Skip(2));
        Assert.Equal([new GatewayAddressList.Address("IPAddress", "127.0.101.200")], GatewayAddressList.Read(written));
        // The rest of the Gateway is untouched.
        Assert.Contains("  listeners:\n  - name: http\n    port: 8080", written, StringComparison.Ordinal);
    }
}
