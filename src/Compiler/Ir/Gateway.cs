namespace Meshc.Compiler.Ir;

/// <summary>A Gateway: a set of listeners served by one proxy, under a GatewayClass.</summary>
public sealed record Gateway(
    ObjectMeta Meta,
    string ClassName,
    ValueList<Listener> Listeners,
    ValueList<GatewayAddress> Addresses,
    ValueList<Label> InfrastructureLabels,
    ValueList<Label> InfrastructureAnnotations) : IMeshObject
{
    [System.Text.Json.Serialization.JsonIgnore]
    public ObjectKey Key => new(ObjectKind.Gateway, Meta.Namespace, Meta.Name);

    /// <summary>Client-certificate validation (<c>spec.tls.frontend</c>); null when the Gateway asks for none.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public FrontendTls? Frontend { get; init; }

    /// <summary><c>spec.infrastructure.parametersRef</c>; null when the Gateway names none.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public ObjectRef? ParametersRef { get; init; }

    /// <summary><c>spec.allowedListeners</c>; null when the Gateway gives none (no ListenerSet may attach).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public AllowedListeners? AllowedListeners { get; init; }
}
