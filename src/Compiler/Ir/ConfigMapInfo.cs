namespace Meshc.Compiler.Ir;

/// <summary>
/// A ConfigMap, reduced to its keys and whether <c>ca.crt</c> holds a PEM certificate (a CA bundle for TLS
/// validation). As with Secrets, the data stays out of the IR; the runtime reads it from the inputs itself.
/// </summary>
public sealed record ConfigMapInfo(ObjectMeta Meta, ValueList<string> Keys, bool HasCaCertificate) : IMeshObject
{
    [System.Text.Json.Serialization.JsonIgnore]
    public ObjectKey Key => new(ObjectKind.ConfigMap, Meta.Namespace, Meta.Name);
}
