namespace Meshc.Compiler.BackEnds.Kubernetes;

/// <summary>
/// A CiliumEnvoyConfig or CiliumClusterwideEnvoyConfig for the template: spec lists in Cilium's order and each Envoy
/// resource pre-rendered as indented proto-JSON with its <c>"@type"</c> (JSON is valid YAML).
/// </summary>
internal sealed record CecView(
    string Kind,
    ObjectMetaView Metadata,
    IReadOnlyList<CecServiceView> Services,
    IReadOnlyList<CecBackendServiceView> BackendServices,
    IReadOnlyList<string> Resources);

/// <summary>A <c>spec.services</c> entry: <c>listener</c> is written even when empty (empty means the first listener).</summary>
internal sealed record CecServiceView(string Name, string Namespace, IReadOnlyList<int> Ports, string? Listener)
{
    public bool HasListener => Listener is not null;
}

/// <summary>A <c>spec.backendServices</c> entry; <c>number</c> holds ports as strings, as in the CRD.</summary>
internal sealed record CecBackendServiceView(string Name, string Namespace, IReadOnlyList<string> Number);
