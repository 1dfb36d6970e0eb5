using Meshc.Compiler.Text;

namespace Meshc.Compiler.Ir;

/// <summary>
/// One <c>rules.http</c> entry: the method and path are regular expressions matched against the whole value (absent
/// means any); each header is <c>Name</c> (must be present) or <c>Name: value</c> (must equal).
/// </summary>
public sealed record NetworkPolicyHttpRule(string? Method, string? Path, ValueList<string> Headers, SourceLocation Origin) : IHasOrigin;
