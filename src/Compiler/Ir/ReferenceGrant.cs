using Meshc.Compiler.Text;

namespace Meshc.Compiler.Ir;

/// <summary>A ReferenceGrant: objects of the listed kinds in the <c>from</c> namespaces may refer to the <c>to</c> objects in this namespace.</summary>
public sealed record ReferenceGrant(ObjectMeta Meta, ValueList<GrantFrom> From, ValueList<GrantTo> To) : IMeshObject
{
    [System.Text.Json.Serialization.JsonIgnore]
    public ObjectKey Key => new(ObjectKind.ReferenceGrant, Meta.Namespace, Meta.Name);
}

/// <summary>Who may refer: group, kind and namespace.</summary>
public sealed record GrantFrom(string Group, string Kind, string Namespace, SourceLocation Origin) : IHasOrigin;

/// <summary>What may be referred to: group, kind and optionally one name.</summary>
public sealed record GrantTo(string Group, string Kind, string? Name, SourceLocation Origin) : IHasOrigin;
