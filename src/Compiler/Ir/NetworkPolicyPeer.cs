using Meshc.Compiler.Text;

namespace Meshc.Compiler.Ir;

/// <summary>
/// The remote side of a rule: endpoints by label selector (<c>fromEndpoints</c>/<c>toEndpoints</c>), a CIDR
/// (<c>fromCIDR</c>/<c>toCIDR</c>) or an entity (<c>fromEntities</c>/<c>toEntities</c>: world, cluster, host, all, …).
/// Exactly one of <see cref="Selector"/>, <see cref="Cidr"/> and <see cref="Entity"/> is set.
/// </summary>
public sealed record NetworkPolicyPeer(LabelSelector? Selector, string? Cidr, string? Entity, SourceLocation Origin) : IHasOrigin;
