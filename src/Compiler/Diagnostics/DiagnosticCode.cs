namespace Meshc.Compiler.Diagnostics;

/// <summary>
/// A stable code such as <c>MC0201</c>. Codes never change meaning and are never reused; ranges:
/// MC01xx input syntax and shape, MC02xx names and references, MC03xx rule validity and conflicts,
/// MC04xx target limits, MC05xx files and bundles, MC09xx compiler faults.
/// </summary>
public readonly record struct DiagnosticCode(string Value)
{
    public override string ToString() => Value;
}
