using System.Reflection;
using Meshc.Runtime.Proxy;

namespace Meshc.Runtime.Tests.Architecture;

/// <summary>
/// The runtime's folders depend one way (docs/runtime.md, "Layers"): each namespace uses only those of lower layers,
/// never one of its own layer or above. Read from the compiled assembly (signatures and method bodies), so a forbidden
/// reference fails here even when it hides in a lambda.
/// </summary>
public sealed class RuntimeLayeringTests
{
    private static readonly Assembly Runtime = typeof(ProxyHost).Assembly;

    /// <summary>
    /// The layers, lowest first. Loading reads a bundle folder and Routing matches requests: neither knows the other.
    /// Model builds the snapshot from both; Xds is where a snapshot comes from when it is fed over ADS. Enforcement
    /// (policy), Edge (requests from outside the proxy) and RouteTests (the router against test files) decide over a
    /// snapshot without serving it. Proxy serves it; Admin reports on the running proxy; Cli starts it all.
    /// </summary>
    private static readonly string[][] Layers =
    [
        ["Loading", "Routing"],
        ["Model", "Xds"],
        ["Enforcement", "Edge", "RouteTests"],
        ["Proxy"],
        ["Admin"],
        ["Cli"],
    ];

    public static TheoryData<string, string> Forbidden()
    {
        var data = new TheoryData<string, string>();
        for (var i = 0; i < Layers.Length; i++)
            foreach (var layer in Layers[i])
                foreach (var other in Layers.Skip(i).SelectMany(l => l).Where(o => o != layer))
                    data.Add($"Meshc.Runtime.{layer}", $"Meshc.Runtime.{other}");
        return data;
    }

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void Layer_DoesNotReference_ItsOwnLayerOrAbove(string layer, string forbidden)
    {
        var offenders = TypeReferences.Offenders(Runtime, layer, forbidden);
        Assert.True(offenders.Count == 0, $"{layer} must not use {forbidden}:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void EveryRuntimeFolder_HasALayer()
    {
        var known = Layers.SelectMany(l => l).Select(l => $"Meshc.Runtime.{l}").ToHashSet(StringComparer.Ordinal);
        var unplaced = Runtime.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Where(ns => ns.StartsWith("Meshc.Runtime.", StringComparison.Ordinal))
            .Select(ns => string.Join('.', ns.Split('.').Take(3)))
            .Where(ns => !known.Contains(ns)).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(unplaced.Count == 0, "namespaces without a layer: " + string.Join(", ", unplaced));
    }

    [Fact]
    public void TheCheck_SeesReferences_InMethodBodies()
    {
        // Guards the guard: the proxy's host builds its handler in a constructor body.
        Assert.NotEmpty(TypeReferences.Offenders(Runtime, "Meshc.Runtime.Proxy", "Meshc.Runtime.Model"));
    }
}
