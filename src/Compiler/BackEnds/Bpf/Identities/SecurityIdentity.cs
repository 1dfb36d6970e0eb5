using Meshc.Compiler.Ir;

namespace Meshc.Compiler.BackEnds.Bpf.Identities;

/// <summary>
/// A numeric security identity and the labels it stands for. Workload labels carry no source prefix here (the
/// namespace is the label <c>io.kubernetes.pod.namespace</c>); <see cref="Display"/> shows them as Cilium does.
/// </summary>
public sealed record SecurityIdentity(uint Id, IdentityKind Kind, ValueList<Label> Labels)
{
    /// <summary>The label that carries a pod's namespace in its identity.</summary>
    public const string NamespaceLabel = Semantics.PolicySelectors.NamespaceLabel;

    /// <summary>Labels as <c>cilium-dbg</c> prints them: <c>k8s:app=x</c>, <c>reserved:world</c>, <c>cidr:10.0.0.0/8</c>.</summary>
    public string Display => string.Join(" ", Labels.Select(l => Kind switch
    {
        IdentityKind.Reserved => $"reserved:{l.Key}",
        IdentityKind.Cidr => $"cidr:{l.Key}",
        _ => $"k8s:{l.Key}={l.Value}",
    }));

    /// <summary>The namespace of a workload identity, or null.</summary>
    public string? Namespace => Kind == IdentityKind.Workload ? Labels.FirstOrDefault(l => l.Key == NamespaceLabel)?.Value : null;
}

/// <summary>Where an identity comes from.</summary>
public enum IdentityKind
{
    Reserved,
    Workload,
    Cidr,
}
