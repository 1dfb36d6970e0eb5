namespace Meshc.Compiler.Diagnostics;

/// <summary>One catalog entry: code, severity, a name for the Report method, and the message template.</summary>
public sealed record DiagnosticDescriptor(DiagnosticCode Code, Severity Severity, string Name, string MessageTemplate);
