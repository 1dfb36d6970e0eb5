using Meshc.Compiler;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.FrontEnds.Dsl.Formatting;
using Meshc.Compiler.Text;

namespace Meshc.Fuzz.Targets;

/// <summary>A DSL file through the whole compiler (<c>meshc check</c>) and the formatter (<c>meshc fmt</c>), whose output must format to itself.</summary>
public static class DslTarget
{
    public static void Run(byte[] input)
    {
        var source = new SourceText("fuzz.dsl", FuzzTargets.Text(input));
        Compilation.Create([source]).Check();
        if (DslFormatter.Format(source, new DiagnosticBag()) is not { } formatted) return;
        var again = DslFormatter.Format(source with { Text = formatted }, new DiagnosticBag());
        if (again != formatted) throw new InvalidOperationException("formatting the formatted text changed it");
    }
}
