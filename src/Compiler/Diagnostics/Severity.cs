namespace Meshc.Compiler.Diagnostics;

/// <summary>How serious a diagnostic is. Only <see cref="Error"/> stops a compilation from emitting.</summary>
public enum Severity
{
    Info,
    Warning,
    Error,
}
