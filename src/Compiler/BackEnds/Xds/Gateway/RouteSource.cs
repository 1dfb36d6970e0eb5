using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.BackEnds.Xds.Gateway;

/// <summary>
/// What one Envoy route is built from: a rule of a route attached to a listener, and one of the rule's matches
/// (null when the rule has none, which matches every request).
/// </summary>
internal sealed record RouteSource(ListenerBinding Listener, RouteAttachment Attachment, BoundRule Rule, RouteMatch? Match)
{
    /// <summary>Routes on HTTPS listeners go to <c>listener-secure</c>, the others to <c>listener-insecure</c>.</summary>
    public bool Secure => Listener.Listener.Protocol == ListenerProtocol.HTTPS;

    /// <summary>GRPCRoute rules match on the gRPC method and need HTTP/2 to their backends.</summary>
    public bool IsGrpc => Attachment.Route.Kind == RouteKind.Grpc;

    /// <summary>
    /// The hostnames this route serves on its listener. A route with no (or only the catch-all) computed hostname takes
    /// the listener's hostname, <c>*</c> when the listener has none, as Cilium groups it.
    /// </summary>
    public IReadOnlyList<string> Hostnames =>
        Attachment.Hostnames.IsEmpty || Attachment.Hostnames is ["*"]
            ? [Listener.Listener.Hostname ?? "*"]
            : Attachment.Hostnames;
}
