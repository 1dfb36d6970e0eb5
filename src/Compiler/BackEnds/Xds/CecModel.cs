using Google.Protobuf;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.BackEnds.Xds;

/// <summary>
/// A CiliumEnvoyConfig as the back end handles it: either read from the input or produced by the Gateway API
/// translation (as Cilium's operator does), with its resources as typed Envoy messages, before the agent-side
/// completion (name qualification, config sources, listener addresses) turns all of them into one xDS snapshot.
/// <see cref="ResourceOrigins"/> (optional, parallel to <see cref="Resources"/>) lets diagnostics point at one resource;
/// <see cref="From"/> is set on translated CECs.
/// </summary>
internal sealed record CecModel(
    string Namespace,
    string Name,
    bool Clusterwide,
    IReadOnlyList<EnvoyServiceRef> Services,
    IReadOnlyList<EnvoyBackendServiceRef> BackendServices,
    IReadOnlyList<IMessage> Resources,
    IReadOnlyList<Label> Labels,
    IReadOnlyList<Label> Annotations,
    SourceLocation Origin,
    IReadOnlyList<SourceLocation>? ResourceOrigins = null,
    TranslatedFrom? From = null)
{
    /// <summary>Where resource <paramref name="index"/> was declared: its own entry when known, else the CEC.</summary>
    public SourceLocation OriginOf(int index) =>
        ResourceOrigins is { } origins && index < origins.Count ? origins[index] : Origin;
}

/// <summary>
/// What a translated CEC stands for: the Gateway or the parent Service (GAMMA), and the object Cilium makes its owner
/// (the Gateway; for GAMMA a route), with the owner's uid when the input carries one.
/// </summary>
internal sealed record TranslatedFrom(ObjectKey Parent, string OwnerKind, string OwnerName, string? OwnerUid);
