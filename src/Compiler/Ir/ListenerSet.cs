using Meshc.Compiler.Text;

namespace Meshc.Compiler.Ir;

/// <summary>
/// A ListenerSet: listeners that a Gateway takes in from a separate object (GEP-1713), when the Gateway's
/// <c>allowedListeners</c> lets the set's namespace attach. The listeners are read exactly as a Gateway's.
/// </summary>
public sealed record ListenerSet(ObjectMeta Meta, ObjectRef ParentRef, ValueList<Listener> Listeners) : IMeshObject
{
    [System.Text.Json.Serialization.JsonIgnore]
    public ObjectKey Key => new(ObjectKind.ListenerSet, Meta.Namespace, Meta.Name);

    /// <summary>
    /// <c>metadata.creationTimestamp</c> when the input carries one (manifests exported from a cluster do): the first key
    /// of the spec's listener precedence among sets. Null when absent; the fallback order is then namespace/name.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public DateTimeOffset? CreationTimestamp { get; init; }
}
