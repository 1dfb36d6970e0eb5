using Meshc.Compiler.Text;

namespace Meshc.Compiler.Ir;

/// <summary>A route's <c>parentRefs[]</c> entry, kept as written (status copies it back).</summary>
public sealed record ParentRef(
    string Group,
    string Kind,
    string? Namespace,
    string Name,
    string? SectionName,
    int? Port,
    SourceLocation Origin) : IHasOrigin
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsGateway => Kind == "Gateway" && Group == RouteGroupKind.GatewayGroup;

    /// <summary>A ListenerSet parent: the route attaches to that set's listeners only.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsListenerSet => Kind == "ListenerSet" && Group == RouteGroupKind.GatewayGroup;

    /// <summary>A Service parent (GAMMA): the route is the Service's own L7 routing in the mesh.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsService => Kind == "Service" && Group is "" or "core";
}
