using Json.Schema;

namespace Meshc.Compiler.Schemas;

/// <summary>
/// How JsonSchema.Net builds and evaluates meshc's schemas: draft 2020-12 (what every file in schemas/ declares),
/// with two changes. Unknown keywords are refused when a schema is built, so a misspelled keyword in schemas/ fails a
/// test instead of silently checking nothing. And <c>pattern</c> is <see cref="SchemaPatternKeyword"/>, which builds
/// each expression on first use and cannot run away on hostile input.
/// </summary>
internal static class SchemaDialect
{
    private static readonly Uri Draft202012 = new("https://json-schema.org/draft/2020-12/schema");

    private static readonly Dialect Dialect = Dialect.Draft202012.With([new SchemaPatternKeyword()], Draft202012, allowUnknownKeywords: false);

    private static readonly DialectRegistry Dialects = NewDialects();

    /// <summary>
    /// Fresh options per build, each with its own schema registry: a build registers the schema there, and the library's
    /// default is one process-wide registry (which refuses a second schema under the same id). meshc's schemas refer to
    /// no other schema, so nothing is lost.
    /// </summary>
    public static BuildOptions BuildOptions() => new() { Dialect = Dialect, DialectRegistry = Dialects, SchemaRegistry = new Json.Schema.SchemaRegistry() };

    /// <summary>Validity only: evaluation stops at the first failure. Valid input (the common case) costs no more.</summary>
    public static readonly EvaluationOptions Decide = new() { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true };

    /// <summary>Every keyword's outcome, nested as the schema is, for wording the findings.</summary>
    public static readonly EvaluationOptions Explain = new() { OutputFormat = OutputFormat.Hierarchical, RequireFormatValidation = true };

    private static DialectRegistry NewDialects()
    {
        var registry = new DialectRegistry();
        registry.Register(Dialect);
        return registry;
    }
}
