using Meshc.Compiler.Text;

namespace Meshc.Compiler.Ir;

/// <summary><c>spec.services[]</c>: a Service redirected to a listener (empty listener name: the first listener), on some or all ports.</summary>
public sealed record EnvoyServiceRef(string Name, string Namespace, ValueList<int> Ports, string? Listener, SourceLocation Origin) : IHasOrigin;

/// <summary><c>spec.backendServices[]</c>: a Service whose endpoints are published to Envoy; ports by number or name, none = all.</summary>
public sealed record EnvoyBackendServiceRef(string Name, string Namespace, ValueList<string> Ports, SourceLocation Origin) : IHasOrigin;
