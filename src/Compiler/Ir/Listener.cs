using Meshc.Compiler.Text;

namespace Meshc.Compiler.Ir;

/// <summary>One Gateway listener: name, protocol, port, optional hostname, TLS and which routes may attach.</summary>
public sealed record Listener(
    string Name,
    ListenerProtocol Protocol,
    string ProtocolText,
    int Port,
    string? Hostname,
    ListenerTls? Tls,
    AllowedRoutes AllowedRoutes,
    SourceLocation Origin) : IHasOrigin;
