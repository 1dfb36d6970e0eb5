namespace Meshc.Compiler.Diagnostics;

/// <summary>How serious a diagnostic is. Only an <see cref="Error"/> fails a compilation; its <see cref="ErrorEffect"/> says whether the bundle is still written.</summary>
public enum Severity
{
    Info,
    Warning,
    Error,
}
