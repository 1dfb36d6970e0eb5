namespace Meshc.Compiler.Diagnostics;

/// <summary>
/// Every diagnostic meshc can report. The members (one <see cref="DiagnosticDescriptor"/> per code, and <c>All</c>)
/// are generated from DiagnosticCatalog.txt so the code, severity and text are written once.
/// </summary>
public static partial class DiagnosticCatalog
{
    public static DiagnosticDescriptor? Find(string code) => All.FirstOrDefault(d => d.Code.Value == code);
}
