namespace Meshc.Compiler.Diagnostics;

/// <summary>One catalog entry: code, severity, a name for the Report method, the message template, and help text.</summary>
public sealed record DiagnosticDescriptor(DiagnosticCode Code, Severity Severity, string Name, string MessageTemplate)
{
    /// <summary>What the diagnostic means and how to fix it (the catalog's <c>help:</c> lines); null where the catalog has none.</summary>
    public string? Help { get; init; }
}
