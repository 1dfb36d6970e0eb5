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
    /// <summary>Where the weight was written, when it was: a finding about the weight points there (and so is the
    /// same finding as the schema check's about that value, reported once).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public SourceLocation WeightOrigin { get; init; }

    /// <summary>The weight's position, else the backend's.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public SourceLocation WeightOrOrigin => WeightOrigin.Path is null ? Origin : WeightOrigin;

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsService => Group.Length == 0 && Kind == "Service";

    /// <summary>The backend's namespace, defaulting to the route's.</summary>
    public string NamespaceOr(string routeNamespace) => Namespace ?? routeNamespace;
}
