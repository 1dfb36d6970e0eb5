using Meshc.Compiler.Ir;

namespace Meshc.Compiler.Semantics;

/// <summary>
/// The Gateway API features meshc implements, by their conformance names, as a GatewayClass of ours reports them in
/// <c>status.supportedFeatures</c>. This is Cilium's GATEWAY-HTTP, GATEWAY-GRPC, GATEWAY-TLS, MESH-HTTP and MESH-GRPC
/// claim (TLSRoute, BackendTLSPolicy and the Mesh features: their upstream tests pass end to end, docs/conformance.md),
/// plus HTTPRouteParentRefPort, which Cilium exempts: the parent-ref checks implement it per the spec, and the xDS back
/// end keeps a route attached to one port from answering on another. MeshConsumerRoute is left out, as Cilium leaves
/// it out (docs/conformance.md, "Mesh").
/// </summary>
public static class SupportedFeatures
{
    /// <summary>Every supported feature name, sorted ordinally (the order status shows).</summary>
    public static readonly ValueList<string> All = new[]
    {
        "BackendTLSPolicy",
        "GRPCRoute",
        "Gateway",
        "GatewayAddressEmpty",
        "GatewayHTTPListenerIsolation",
        "GatewayInfrastructurePropagation",
        "GatewayPort8080",
        "GatewayStaticAddresses",
        "HTTPRoute",
        "HTTPRouteBackendProtocolH2C",
        "HTTPRouteBackendProtocolWebSocket",
        "HTTPRouteBackendRequestHeaderModification",
        "HTTPRouteBackendTimeout",
        "HTTPRouteDestinationPortMatching",
        "HTTPRouteHostRewrite",
        "HTTPRouteMethodMatching",
        "HTTPRouteNamedRouteRule",
        "HTTPRouteParentRefPort",
        "HTTPRoutePathRedirect",
        "HTTPRoutePathRewrite",
        "HTTPRoutePortRedirect",
        "HTTPRouteQueryParamMatching",
        "HTTPRouteRequestMirror",
        "HTTPRouteRequestMultipleMirrors",
        "HTTPRouteRequestPercentageMirror",
        "HTTPRouteRequestTimeout",
        "HTTPRouteResponseHeaderModification",
        "HTTPRouteSchemeRedirect",
        "Mesh",
        "MeshClusterIPMatching",
        "MeshHTTPRouteBackendRequestHeaderModification",
        "MeshHTTPRouteNamedRouteRule",
        "MeshHTTPRouteQueryParamMatching",
        "MeshHTTPRouteRedirectPath",
        "MeshHTTPRouteRedirectPort",
        "MeshHTTPRouteRewritePath",
        "MeshHTTPRouteSchemeRedirect",
        "ReferenceGrant",
        "TLSRoute",
    }.Order(StringComparer.Ordinal).ToValueList();
}
