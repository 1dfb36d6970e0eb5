using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Passes;

/// <summary>
/// Which routes attach to which listener. <see cref="Attach"/> counts a route for <c>attachedRoutes</c>;
/// <see cref="Bind"/> records what the back ends compile (only on valid listeners, only hostnames served there).
/// A route counts and binds at most once per listener, through its first parentRef that reaches it.
/// </summary>
internal sealed class AttachmentBook
{
    private readonly Dictionary<ListenerId, HashSet<ObjectKey>> _attached = [];
    private readonly Dictionary<ListenerId, SortedDictionary<ObjectKey, RouteAttachment>> _bound = [];

    public void Attach(ObjectKey gateway, string listener, Route route)
    {
        var id = new ListenerId(gateway, listener);
        if (!_attached.TryGetValue(id, out var routes)) _attached[id] = routes = [];
        routes.Add(route.Key);
    }

    public void Bind(ObjectKey gateway, string listener, RouteAttachment attachment)
    {
        var id = new ListenerId(gateway, listener);
        if (!_bound.TryGetValue(id, out var routes)) _bound[id] = routes = [];
        routes.TryAdd(attachment.Route.Key, attachment);
    }

    public int AttachedCount(ObjectKey gateway, string listener) =>
        _attached.TryGetValue(new ListenerId(gateway, listener), out var routes) ? routes.Count : 0;

    /// <summary>The routes bound to a listener, in route key order.</summary>
    public ValueList<RouteAttachment> Bound(ObjectKey gateway, string listener) =>
        _bound.TryGetValue(new ListenerId(gateway, listener), out var routes) ? routes.Values.ToValueList() : ValueList<RouteAttachment>.Empty;

    /// <summary>Every binding, for passes that look across listeners.</summary>
    public IEnumerable<(ObjectKey Gateway, string Listener, RouteAttachment Attachment)> AllBound() =>
        _bound.OrderBy(b => b.Key.Gateway).ThenBy(b => b.Key.Listener, StringComparer.Ordinal)
            .SelectMany(b => b.Value.Values.Select(a => (b.Key.Gateway, b.Key.Listener, a)));

    private readonly record struct ListenerId(ObjectKey Gateway, string Listener);
}
