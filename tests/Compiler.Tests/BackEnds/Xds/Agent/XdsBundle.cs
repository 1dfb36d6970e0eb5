using Envoy.Service.Discovery.V3;
using Google.Protobuf;
using Meshc.Compiler.Text;
using Meshc.EnvoyApi;

namespace Meshc.Compiler.Tests.BackEnds.Xds.Agent;

/// <summary>Compiles inputs to an xDS bundle and reads its files back strictly, as Envoy would.</summary>
internal sealed class XdsBundle
{
    private XdsBundle(EmitResult result) => Result = result;

    public EmitResult Result { get; }

    public Bundle.CompiledBundle Files => Result.Bundle ?? throw new InvalidOperationException(
        "no bundle: " + string.Join("; ", Result.Diagnostics));

    public static XdsBundle Compile(IEnumerable<SourceText> sources, CompilationOptions? options = null) =>
        new(Compilation.Create(sources, options).Emit(EmitTargets.Xds));

    /// <summary>A DiscoveryResponse file, parsed strictly.</summary>
    public DiscoveryResponse Response(string path) => EnvoyJson.Parse<DiscoveryResponse>(Files.ReadText(path));

    /// <summary>The resources of a DiscoveryResponse file, unpacked.</summary>
    public IReadOnlyList<T> Resources<T>(string path) where T : IMessage<T>, new() =>
        Response(path).Resources.Select(a => a.Unpack<T>()).ToList();

    public T Single<T>(string path, Func<T, bool> match) where T : IMessage<T>, new() =>
        Assert.Single(Resources<T>(path), m => match(m));
}
