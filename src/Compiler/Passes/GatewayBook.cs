using Meshc.Compiler.Ir;

namespace Meshc.Compiler.Passes;

/// <summary>The Gateways whose class belongs to our controller, in key order, with their listener facts.</summary>
internal sealed class GatewayBook
{
    private readonly SortedDictionary<ObjectKey, GatewayFacts> _gateways = [];

    public IEnumerable<GatewayFacts> All => _gateways.Values;

    public void Add(Gateway gateway) => _gateways[gateway.Key] = new GatewayFacts(gateway);

    /// <summary>The facts of a Gateway of ours, or null when the Gateway is missing or belongs to another controller.</summary>
    public GatewayFacts? Find(ObjectKey key) => _gateways.GetValueOrDefault(key);
}
