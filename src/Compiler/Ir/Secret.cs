namespace Meshc.Compiler.Ir;

/// <summary>
/// A Secret, reduced to what the compiler may know: its type, its keys, and whether it holds a usable TLS pair.
/// The data itself never enters the IR, so no dump or golden can leak it.
/// </summary>
public sealed record Secret(ObjectMeta Meta, string Type, ValueList<string> Keys, bool HasTlsPair) : IMeshObject
{
    [System.Text.Json.Serialization.JsonIgnore]
    public ObjectKey Key => new(ObjectKind.Secret, Meta.Namespace, Meta.Name);

    /// <summary>True when <c>ca.crt</c> holds a PEM certificate, so the Secret can serve as a CA bundle.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool HasCaCertificate { get; init; }
}
