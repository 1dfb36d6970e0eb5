namespace Meshc.Compiler.Diagnostics;

/// <summary>One catalog entry: code, severity, a name for the Report method, the message template, and help text.</summary>
public sealed record DiagnosticDescriptor(DiagnosticCode Code, Severity Severity, string Name, string MessageTemplate)
{
    /// <summary>What an error of this code does to the bundle (<see cref="ErrorEffect.None"/> for warnings and infos).</summary>
    public ErrorEffect Effect { get; init; }

    /// <summary>
    /// True when an error of this code stops the bundle: the input cannot be read, or no output Cilium and Envoy would
    /// accept exists. An unclassified error blocks too (the catalog test names it).
    /// </summary>
    public bool BlocksBundle => Severity == Severity.Error && Effect != ErrorEffect.Fallback;

    /// <summary>What the diagnostic means and how to fix it (the catalog's <c>help:</c> lines); null where the catalog has none.</summary>
    public string? Help { get; init; }
}
