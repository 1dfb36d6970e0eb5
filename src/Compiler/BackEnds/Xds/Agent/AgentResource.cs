using Google.Protobuf;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.BackEnds.Xds.Agent;

/// <summary>
/// One completed Envoy resource: its type URL, its final (qualified) name, the message, the CiliumEnvoyConfig it
/// came from (null for resources the agent makes itself, such as endpoints from EndpointSlices) and its position.
/// </summary>
internal sealed record AgentResource(string TypeUrl, string Name, IMessage Message, CecModel? Owner, SourceLocation Origin)
{
    /// <summary>The message type's short name (Listener, Cluster, …) for diagnostics.</summary>
    public string TypeName => Message.Descriptor.Name;
}
