using System.Reflection;
using Meshc.Compiler;
using Meshc.EnvoyApi;
using Meshc.Server.Hosting;

namespace Meshc.Server.Tests.Architecture;

/// <summary>
/// Dependencies run one way: the server builds on the compiler and the Envoy API; the compiler and the Envoy API know
/// neither the server nor the runtime, and the server does not use the runtime (a proxy and its control plane are
/// deployed apart). Read from the compiled assemblies' references.
/// </summary>
public sealed class ServerDependencyTests
{
    public static TheoryData<string, string> Forbidden() => new()
    {
        { "meshc", "Meshc.Server" },
        { "meshc", "Meshc.Runtime" },
        { "Meshc.EnvoyApi", "Meshc.Server" },
        { "Meshc.EnvoyApi", "Meshc.Runtime" },
        { "Meshc.EnvoyApi", "meshc" },
        { "Meshc.Server", "Meshc.Runtime" },
    };

    private static readonly Assembly[] Assemblies = [typeof(Compilation).Assembly, typeof(EnvoyTypes).Assembly, typeof(MeshcServer).Assembly];

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void Assembly_DoesNotReference(string assembly, string forbidden)
    {
        var subject = Assemblies.Single(a => a.GetName().Name == assembly);
        Assert.DoesNotContain(forbidden, subject.GetReferencedAssemblies().Select(r => r.Name));
    }

    [Fact]
    public void TheCheck_SeesReferences()
    {
        // Guards the guard: the server does reference the compiler.
        Assert.Contains("meshc", typeof(MeshcServer).Assembly.GetReferencedAssemblies().Select(r => r.Name));
    }
}
