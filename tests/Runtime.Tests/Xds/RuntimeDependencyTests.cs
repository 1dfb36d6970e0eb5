namespace Meshc.Runtime.Tests.Xds;

/// <summary>The runtime talks to <c>meshc serve</c> over ADS only: it never references the server's assembly.</summary>
public sealed class RuntimeDependencyTests
{
    [Fact]
    public void Runtime_DoesNotReference_TheServer()
    {
        var references = typeof(Meshc.Runtime.Xds.AdsClient).Assembly.GetReferencedAssemblies().Select(r => r.Name).ToList();
        Assert.Contains("meshc", references);
        Assert.DoesNotContain("Meshc.Server", references);
    }
}
