namespace Meshc.Compiler.Ir;

/// <summary>Listener protocols of the Gateway API. <see cref="Other"/> keeps an implementation-specific value.</summary>
public enum ListenerProtocol { HTTP, HTTPS, TLS, TCP, UDP, Other }
