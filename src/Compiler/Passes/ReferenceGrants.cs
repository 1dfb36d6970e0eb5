using Meshc.Compiler.Ir;

namespace Meshc.Compiler.Passes;

/// <summary>
/// Answers whether a reference may cross namespaces: always within one namespace; across namespaces only when a
/// ReferenceGrant in the target's namespace lists the referring kind and namespace and the target kind (and name).
/// </summary>
internal sealed class ReferenceGrants
{
    private readonly ILookup<string, ReferenceGrant> _byNamespace;

    public ReferenceGrants(MeshModel model) => _byNamespace = model.ReferenceGrants.ToLookup(g => g.Meta.Namespace);

    /// <summary>True when an object (fromGroup, fromKind) in <paramref name="fromNs"/> may refer to <paramref name="toName"/>.</summary>
    public bool IsAllowed(string fromGroup, string fromKind, string fromNs, string toGroup, string toKind, string toNs, string toName)
    {
        if (fromNs == toNs) return true;
        return _byNamespace[toNs].Any(grant =>
            grant.From.Any(f => SameGroup(f.Group, fromGroup) && f.Kind == fromKind && f.Namespace == fromNs) &&
            grant.To.Any(t => SameGroup(t.Group, toGroup) && t.Kind == toKind && (string.IsNullOrEmpty(t.Name) || t.Name == toName)));
    }

    // Kubernetes spells the core group "", but "core" turns up in hand-written manifests; both mean the same group.
    private static bool SameGroup(string a, string b) => Normalize(a) == Normalize(b);

    private static string Normalize(string group) => group == "core" ? "" : group;
}
