namespace Meshc.Compiler.Ir;

/// <summary>A Namespace object; its labels feed <c>allowedRoutes</c> namespace selectors.</summary>
public sealed record NamespaceObject(ObjectMeta Meta) : IMeshObject
{
    [System.Text.Json.Serialization.JsonIgnore]
    public ObjectKey Key => new(ObjectKind.Namespace, "", Meta.Name);
}
