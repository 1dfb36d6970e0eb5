namespace Meshc.Compiler.Ir;

/// <summary>
/// A CiliumEnvoyConfig or CiliumClusterwideEnvoyConfig: Services whose traffic goes to its listener, Services whose
/// endpoints it needs, and raw Envoy resources. Resources stay JSON here so the IR does not depend on Envoy's types.
/// </summary>
public sealed record EnvoyConfig(
    ObjectMeta Meta,
    bool Clusterwide,
    ValueList<EnvoyServiceRef> Services,
    ValueList<EnvoyBackendServiceRef> BackendServices,
    ValueList<EnvoyResource> Resources) : IMeshObject
{
    [System.Text.Json.Serialization.JsonIgnore]
    public ObjectKey Key => new(Clusterwide ? ObjectKind.CiliumClusterwideEnvoyConfig : ObjectKind.CiliumEnvoyConfig, Meta.Namespace, Meta.Name);
}
