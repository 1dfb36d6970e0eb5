namespace Meshc.Compiler.Ir;

/// <summary>An EndpointSlice (discovery.k8s.io/v1): the addresses behind one Service, with their ports and states.</summary>
public sealed record EndpointSet(
    ObjectMeta Meta,
    string ServiceName,
    string AddressType,
    ValueList<EndpointPort> Ports,
    ValueList<Endpoint> Endpoints) : IMeshObject
{
    [System.Text.Json.Serialization.JsonIgnore]
    public ObjectKey Key => new(ObjectKind.EndpointSlice, Meta.Namespace, Meta.Name);
}
