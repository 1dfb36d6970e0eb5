using Meshc.Compiler.Text;

namespace Meshc.Compiler.Ir;

/// <summary>One Service port. TargetPort is a number or a container port name, as written.</summary>
public sealed record ServicePort(string? Name, int Port, string? TargetPort, string Protocol, string? AppProtocol, SourceLocation Origin) : IHasOrigin;
