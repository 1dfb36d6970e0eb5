using Meshc.Compiler.Text;

namespace Meshc.Compiler.Diagnostics;

/// <summary>One finding about the input: data, never an exception.</summary>
public sealed record Diagnostic(DiagnosticDescriptor Descriptor, SourceLocation Location, string Message, string? Hint)
{
    public DiagnosticCode Code => Descriptor.Code;
    public Severity Severity => Descriptor.Severity;

    /// <summary><c>path:line:col: error MC0201: message (hint)</c> — the one printed form, used by the CLI and the goldens.</summary>
    public override string ToString()
    {
        var severity = Severity.ToString().ToLowerInvariant();
        var hint = Hint is null ? "" : $" ({Hint})";
        return $"{Location}: {severity} {Code}: {Message}{hint}";
    }
}
