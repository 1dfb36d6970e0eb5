using Meshc.Compiler.Text;

namespace Meshc.Compiler.Ir;

/// <summary>Where routes may attach from (<c>allowedRoutes</c>): namespaces and kinds. An empty kind list means "the protocol's default kinds".</summary>
public sealed record AllowedRoutes(NamespacesFrom From, LabelSelector? Selector, ValueList<RouteGroupKind> Kinds, SourceLocation Origin) : IHasOrigin
{
    /// <summary>The Gateway API default: routes from the Gateway's own namespace, of the protocol's kinds.</summary>
    public static AllowedRoutes Default(SourceLocation origin) => new(NamespacesFrom.Same, null, ValueList<RouteGroupKind>.Empty, origin);
}

/// <summary><c>allowedRoutes.namespaces.from</c>.</summary>
public enum NamespacesFrom { Same, All, Selector }
