using Meshc.Compiler.Text;

namespace Meshc.Compiler.Ir;

/// <summary>A weighted backend of a rule (or the target of a mirror). Weight defaults to 1 as the Gateway API says.</summary>
public sealed record BackendRef(
    string Group,
    string Kind,
    string? Namespace,
    string Name,
    int? Port,
    long Weight,
    ValueList<RouteFilter> Filters,
    SourceLocation Origin) : IHasOrigin
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsService => Group.Length == 0 && Kind == "Service";

    /// <summary>The backend's namespace, defaulting to the route's.</summary>
    public string NamespaceOr(string routeNamespace) => Namespace ?? routeNamespace;
}
