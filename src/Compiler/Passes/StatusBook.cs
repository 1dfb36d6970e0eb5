using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Passes;

/// <summary>The status written for each object we own, kept in key order; becomes the immutable <see cref="StatusReport"/>.</summary>
internal sealed class StatusBook
{
    private readonly SortedDictionary<ObjectKey, GatewayClassStatus> _classes = [];
    private readonly SortedDictionary<ObjectKey, GatewayStatus> _gateways = [];
    private readonly SortedDictionary<ObjectKey, RouteStatus> _routes = [];
    private readonly SortedDictionary<ObjectKey, PolicyStatus> _policies = [];
    private readonly SortedDictionary<ObjectKey, ListenerSetStatus> _listenerSets = [];

    public void Set(GatewayClassStatus status) => _classes[status.Object] = status;

    public void Set(GatewayStatus status) => _gateways[status.Object] = status;

    public void Set(RouteStatus status) => _routes[status.Object] = status;

    public void Set(PolicyStatus status) => _policies[status.Object] = status;

    public void Set(ListenerSetStatus status) => _listenerSets[status.Object] = status;

    public StatusReport ToReport() =>
        new(_classes.Values.ToValueList(), _gateways.Values.ToValueList(), _routes.Values.ToValueList())
        {
            Policies = _policies.Count == 0 ? default : _policies.Values.ToValueList(),
            ListenerSets = _listenerSets.Count == 0 ? default : _listenerSets.Values.ToValueList(),
        };
}
