namespace Meshc.Compiler.Ir;

/// <summary>An HTTPRoute, GRPCRoute or TLSRoute: the parents it attaches to, the hostnames it serves and its rules.</summary>
public sealed record Route(
    ObjectMeta Meta,
    RouteKind Kind,
    ValueList<ParentRef> ParentRefs,
    ValueList<string> Hostnames,
    ValueList<RouteRule> Rules) : IMeshObject
{
    [System.Text.Json.Serialization.JsonIgnore]
    public ObjectKey Key => new(Kind switch
    {
        RouteKind.Http => ObjectKind.HTTPRoute,
        RouteKind.Grpc => ObjectKind.GRPCRoute,
        RouteKind.Tls => ObjectKind.TLSRoute,
        _ => throw new InvalidOperationException($"route kind {Kind} has no object kind"),
    }, Meta.Namespace, Meta.Name);

    /// <summary>The Kubernetes kind name, for messages and status.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string KindName => Key.Kind.ToString();

    /// <summary>How the route's clusters reach their endpoints (<see cref="MeshAnnotations"/>); null: the defaults.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public UpstreamPolicy? Upstream { get; init; }

    /// <summary>How its Service's listener treats request paths (<see cref="MeshAnnotations"/>); null: as sent.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public PathHandling? Paths { get; init; }
}

/// <summary>
/// Which route API a route came from; GRPC routes match on service/method and talk HTTP/2 upstream; TLS routes
/// (passthrough) carry only hostnames (SNI) and weighted backends.
/// </summary>
public enum RouteKind { Http, Grpc, Tls }
