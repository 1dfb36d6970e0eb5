namespace Meshc.Compiler.Ir;

/// <summary>Identity of an object: kind, namespace ("" for cluster-scoped kinds) and name.</summary>
public readonly record struct ObjectKey(ObjectKind Kind, string Namespace, string Name) : IComparable<ObjectKey>
{
    /// <summary><c>namespace/name</c>, or just the name for cluster-scoped objects.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string QualifiedName => Namespace.Length == 0 ? Name : $"{Namespace}/{Name}";

    public override string ToString() => $"{Kind} {QualifiedName}";

    public int CompareTo(ObjectKey other)
    {
        // By the underlying number: Enum.CompareTo(object) would box both kinds on every comparison.
        var c = ((int)Kind).CompareTo((int)other.Kind);
        if (c != 0) return c;
        c = string.CompareOrdinal(Namespace, other.Namespace);
        return c != 0 ? c : string.CompareOrdinal(Name, other.Name);
    }
}
