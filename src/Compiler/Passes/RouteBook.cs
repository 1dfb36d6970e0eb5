using Meshc.Compiler.Ir;

namespace Meshc.Compiler.Passes;

/// <summary>Facts for every route of the model, in key order.</summary>
internal sealed class RouteBook
{
    private readonly SortedDictionary<ObjectKey, RouteFacts> _routes = [];

    public RouteBook(MeshModel model)
    {
        foreach (var route in model.Routes) _routes[route.Key] = new RouteFacts(route);
    }

    public IEnumerable<RouteFacts> All => _routes.Values;

    public RouteFacts this[Route route] => _routes[route.Key];
}
