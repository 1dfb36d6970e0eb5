namespace Meshc.Compiler.Ir;

/// <summary>A Deployment (or similar) reduced to its pod labels and replica count: which Services select it, and later its identity.</summary>
public sealed record Workload(ObjectMeta Meta, string Kind, ValueList<Label> PodLabels, int Replicas) : IMeshObject
{
    [System.Text.Json.Serialization.JsonIgnore]
    public ObjectKey Key => new(ObjectKind.Workload, Meta.Namespace, Meta.Name);
}
