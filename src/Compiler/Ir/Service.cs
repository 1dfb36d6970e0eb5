namespace Meshc.Compiler.Ir;

/// <summary>A Kubernetes Service: its ports, selector, addresses and any load-balancer address already assigned.</summary>
public sealed record Service(
    ObjectMeta Meta,
    string Type,
    ValueList<ServicePort> Ports,
    ValueList<Label> Selector,
    ValueList<string> ClusterIPs,
    ValueList<string> LoadBalancerIngress) : IMeshObject
{
    [System.Text.Json.Serialization.JsonIgnore]
    public ObjectKey Key => new(ObjectKind.Service, Meta.Namespace, Meta.Name);

    public ServicePort? FindPort(int port) => Ports.FirstOrDefault(p => p.Port == port);
}
