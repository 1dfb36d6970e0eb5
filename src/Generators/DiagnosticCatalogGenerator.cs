using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Meshc.Generators;

/// <summary>
/// Turns DiagnosticCatalog.txt into typed members so a code, its severity and its message are written once:
/// <c>DiagnosticCatalog.BackendNotFound</c> (a descriptor), <c>DiagnosticCatalog.All</c>, and
/// <c>DiagnosticBag.ReportBackendNotFound(SourceLocation at, string name, string service, string? hint = null)</c>.
/// A malformed catalog line becomes a compile error (MCG001) pointing at that line.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class DiagnosticCatalogGenerator : IIncrementalGenerator
{
    private static readonly DiagnosticDescriptor BadLine = new(
        "MCG001", "Malformed diagnostic catalog line", "{0}", "Meshc.Generators", DiagnosticSeverity.Error, true);

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var catalogs = context.AdditionalTextsProvider
            .Where(static f => f.Path.EndsWith("DiagnosticCatalog.txt", System.StringComparison.Ordinal))
            .Select(static (f, ct) => CatalogParser.Parse(f.Path, f.GetText(ct)?.ToString() ?? ""));

        context.RegisterSourceOutput(catalogs, static (spc, catalog) =>
        {
            foreach (var error in catalog.Errors)
            {
                var location = Location.Create(catalog.Path, default,
                    new LinePositionSpan(new LinePosition(error.Line - 1, 0), new LinePosition(error.Line - 1, 0)));
                spc.ReportDiagnostic(Diagnostic.Create(BadLine, location, error.Message));
            }
            if (catalog.Errors.Count > 0) return;
            spc.AddSource("DiagnosticCatalog.g.cs", SourceText.From(CatalogEmitter.Emit(catalog.Entries), Encoding.UTF8));
        });
    }
}
