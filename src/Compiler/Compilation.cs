using System.Collections.Immutable;
using Meshc.Compiler.BackEnds;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.FrontEnds.Dsl;
using Meshc.Compiler.FrontEnds.Yaml;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Passes;
using Meshc.Compiler.Text;

namespace Meshc.Compiler;

/// <summary>
/// The one door into meshc: sources and options in; diagnostics, status and a bundle out. The CLI, the tests and the
/// runtime all go through here. Front ends → IR → passes → back ends; if any phase reports an error, no back end runs.
/// </summary>
public sealed class Compilation
{
    private readonly Lazy<(MeshModel Model, Analysis Analysis, DiagnosticBag Diagnostics)> _analysis;

    private Compilation(ImmutableArray<SourceText> sources, CompilationOptions options)
    {
        Sources = sources;
        Options = options;
        _analysis = new Lazy<(MeshModel, Analysis, DiagnosticBag)>(Analyze);
    }

    public ImmutableArray<SourceText> Sources { get; }
    public CompilationOptions Options { get; }

    public static Compilation Create(IEnumerable<SourceText> sources, CompilationOptions? options = null) =>
        new([.. sources], options ?? CompilationOptions.Default);

    /// <summary>The model every front end produced, before any pass.</summary>
    public MeshModel Model => _analysis.Value.Model;

    /// <summary>
    /// Every diagnostic, without a bundle (what <c>meshc check</c> needs). The back ends run too, because some
    /// findings, such as a CiliumEnvoyConfig route naming an undefined cluster, come from building the output.
    /// </summary>
    public EmitResult Check() => Emit(EmitTargets.Default) with { Bundle = null };

    /// <summary>Runs everything and builds the bundle for the requested targets.</summary>
    public EmitResult Emit(EmitTargets targets = EmitTargets.Default)
    {
        var (model, analysis, analysisDiagnostics) = _analysis.Value;
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(analysisDiagnostics.ToImmutableSorted());
        Bundle.CompiledBundle? bundle = null;
        if (!diagnostics.HasErrors && targets != EmitTargets.None)
        {
            var built = Guard("building the bundle of", AllPaths(), () => BackEndRunner.Build(this, analysis, targets, diagnostics));
            if (!diagnostics.HasErrors) bundle = built;
        }
        return new EmitResult(diagnostics.ToImmutableSorted(), model, analysis.Status, bundle);
    }

    private (MeshModel, Analysis, DiagnosticBag) Analyze()
    {
        var diagnostics = new DiagnosticBag();
        var builder = new MeshModelBuilder(diagnostics);
        var dsl = new DslFrontEnd(Sources, builder, diagnostics);
        // YAML files are read in parallel; what they hold joins the model in input order, interleaved with the DSL.
        var yaml = Parallelism.Map(Options, Sources, s => s.Kind == SourceKind.Dsl ? null : Guard("reading", s.Path, () => KubernetesReader.Parse(s)));
        for (var i = 0; i < Sources.Length; i++)
        {
            var source = Sources[i];
            try
            {
                if (source.Kind == SourceKind.Dsl) dsl.Read(source);
                else yaml[i]!.AddTo(builder, diagnostics);
            }
            catch (Exception e) when (e is not InternalFailureException)
            {
                throw new InternalFailureException(source.Path, "reading", e);
            }
        }
        var model = builder.Build();
        var analysis = Guard("checking", AllPaths(), () => PassPipeline.Run(model, Options, diagnostics));
        return (model, analysis, diagnostics);
    }

    /// <summary>Runs one phase; a fault in it (a meshc bug) is rethrown naming the file, for the command line's last resort.</summary>
    private static T Guard<T>(string phase, string path, Func<T> run)
    {
        try
        {
            return run();
        }
        catch (Exception e) when (e is not InternalFailureException)
        {
            throw new InternalFailureException(path, phase, e);
        }
    }

    private string AllPaths() =>
        Sources.Length <= 3 ? string.Join(", ", Sources.Select(s => s.Path)) : $"{Sources[0].Path} and {Sources.Length - 1} more files";
}
