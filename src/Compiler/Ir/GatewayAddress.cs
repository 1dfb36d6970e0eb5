using Meshc.Compiler.Text;

namespace Meshc.Compiler.Ir;

/// <summary>A requested Gateway address (<c>spec.addresses[]</c>): type (IPAddress, Hostname, NamedAddress) and value.</summary>
public sealed record GatewayAddress(string Type, string? Value, SourceLocation Origin) : IHasOrigin;
