namespace Meshc.Compiler.Ir;

/// <summary>
/// A CiliumNetworkPolicy (cilium.io/v2): the endpoints it applies to (in its namespace) and its rules, each an
/// allow or deny rule for ingress or egress.
/// </summary>
public sealed record NetworkPolicy(ObjectMeta Meta, LabelSelector EndpointSelector, ValueList<NetworkPolicyRule> Rules) : IMeshObject
{
    [System.Text.Json.Serialization.JsonIgnore]
    public ObjectKey Key => new(ObjectKind.CiliumNetworkPolicy, Meta.Namespace, Meta.Name);
}
