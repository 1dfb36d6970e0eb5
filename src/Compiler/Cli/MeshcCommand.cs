using System.CommandLine;
using Meshc.Compiler.Bundle;
using Meshc.Compiler.Cli.Reports;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.FrontEnds;

namespace Meshc.Compiler.Cli;

/// <summary>
/// The <c>meshc</c> commands. Each one loads sources, runs a <see cref="Compilation"/>, prints diagnostics and maps the
/// outcome to an exit code (0 ok, 1 input errors, 2 usage or I/O). No stack trace reaches the user for bad input.
/// </summary>
public static class MeshcCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        PhaseTimings.Started();
        var exitCode = Dispatch(args, stdout, stderr);
        PhaseTimings.Print(stderr);
        return exitCode;
    }

    private static int Dispatch(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (UsageChecks.UnknownCommand(args) is { } unknown)
        {
            stderr.WriteLine($"meshc: {unknown}");
            stderr.WriteLine("run 'meshc --help' for usage");
            return ExitCodes.UsageOrIo;
        }
        var inputs = new Argument<string[]>("inputs") { Arity = ArgumentArity.OneOrMore, Description = "YAML/DSL files or folders" }.RejectingOptions();
        var output = new Option<string>("--output", "-o") { Description = "bundle folder to write, or - for the k8s manifests as one YAML stream on stdout", Required = true };
        var emit = new Option<string[]>("--emit") { Description = "what to write: xds, status, ir, k8s, gateway-api, bpf, envoy-ads, k8s-serve (default: xds,status)", AllowMultipleArgumentsPerToken = true };
        var xdsServer = new Option<string>("--xds-server") { Description = "HOST:PORT of the meshc serve the --emit envoy-ads bootstraps point at (default 127.0.0.1:18000)" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "also print info diagnostics" };
        var noEmitOnError = new Option<bool>("--no-emit-on-error") { Description = "write no bundle when any error is found (by default only blocking errors stop it; see docs/diagnostics.md)" };
        var (lbPool, serviceCidr) = AddressFlags();

        var compile = new Command("compile", "compile inputs into a bundle") { inputs, output, emit, verbose, noEmitOnError, lbPool, serviceCidr, xdsServer };
        compile.SetAction(r => Compile(r.GetValue(inputs)!, r.GetValue(output)!, r.GetValue(emit), r.GetValue(verbose),
            (r.GetValue(lbPool), r.GetValue(serviceCidr)), r.GetValue(noEmitOnError), r.GetValue(xdsServer), stdout, stderr));

        var checkInputs = new Argument<string[]>("inputs") { Arity = ArgumentArity.OneOrMore, Description = "YAML/DSL files or folders" }.RejectingOptions();
        var checkVerbose = new Option<bool>("--verbose", "-v") { Description = "also print info diagnostics" };
        var checkStatus = new Option<bool>("--status") { Description = "also print the Gateway API status of every object meshc owns (text format only)" };
        var checkFormat = new Option<string>("--format") { Description = "text (default), json or sarif (SARIF 2.1.0, for code scanning); json and sarif go to stdout", DefaultValueFactory = _ => "text" };
        checkFormat.AcceptOnlyFromAmong("text", "json", "sarif");
        var (checkLbPool, checkServiceCidr) = AddressFlags();
        var check = new Command("check", "report diagnostics only; exit 1 when there are errors") { checkInputs, checkVerbose, checkStatus, checkFormat, checkLbPool, checkServiceCidr };
        check.SetAction(r => Check(r.GetValue(checkInputs)!, r.GetValue(checkVerbose), r.GetValue(checkStatus), Enum.Parse<ReportFormat>(r.GetValue(checkFormat)!, ignoreCase: true),
            (r.GetValue(checkLbPool), r.GetValue(checkServiceCidr)), stdout, stderr));

        var traceInputs = new Argument<string[]>("inputs") { Arity = ArgumentArity.OneOrMore, Description = "a bundle folder, or YAML/DSL files or folders" }.RejectingOptions();
        var traceFrom = new Option<string>("--from") { Description = "source: labels (app=netshoot), an IPv4 address or an entity (world, host)", Required = true };
        var traceTo = new Option<string>("--to") { Description = "destination: <service>:<port>/<proto> or <label>=<value>:<port>/<proto>", Required = true };
        var traceHttp = new Option<string>("--http") { Description = "an HTTP request for the L7 rules: \"GET /books\"" };
        var traceExitZero = new Option<bool>("--exit-zero") { Description = "exit 0 even when the flow is denied or dropped (by default: exit 1)" };
        var trace = new Command("trace", "explain the policy verdict on one flow, step by step; exit 1 when it is denied") { traceInputs, traceFrom, traceTo, traceHttp, traceExitZero };
        trace.SetAction(r => Trace(r.GetValue(traceInputs)!, r.GetValue(traceFrom)!, r.GetValue(traceTo)!, r.GetValue(traceHttp),
            r.GetValue(traceExitZero), stdout, stderr));

        var root = new RootCommand("meshc: compiles Gateway API, CiliumEnvoyConfig and mesh DSL into Envoy xDS bundles")
        {
            compile, check,
            RuntimeCommandStub.Create("run", "serve a bundle (or inputs, compiled first) on loopback with Envoy's routing", stderr),
            RuntimeCommandStub.Create("serve", "serve the compiled inputs over xDS (ADS) to Envoys, proxyless gRPC clients and meshc proxies", stderr, "the xDS server (src/Server)"),
            RuntimeCommandStub.Create("test", "run route tests (Envoy router_check_tool's schema) against a bundle with the runtime's router", stderr),
            trace, FmtCommand.Create(stdout, stderr), DiffCommand.Create(stdout, stderr), GraphCommand.Create(inputs => GraphBundle(inputs, stderr), stdout, stderr),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors.Select(e => e.Message).Distinct(StringComparer.Ordinal)) stderr.WriteLine($"meshc: {error}");
            stderr.WriteLine("run 'meshc --help' for usage");
            return ExitCodes.UsageOrIo;
        }
        // Faults are not printed here as a stack trace: they reach the caller's last resort (LastResort), which prints one line.
        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
    }

    private static (Option<string> LbPool, Option<string> ServiceCidr) AddressFlags() => (
        new Option<string>("--lb-pool") { Description = $"IPv4 CIDRs Gateways get addresses from, besides the input's CiliumLoadBalancerIPPools (default when neither: {CompilationOptions.DefaultLoadBalancerPool}); none: a cluster without LB IPAM, Gateways get no address" },
        new Option<string>("--service-cidr") { Description = $"the IPv4 range Services without a clusterIP get one from (default {CompilationOptions.Default.ServiceCidr})" });

    private static int Compile(string[] inputs, string output, string[]? emit, bool verbose, (string? LbPool, string? ServiceCidr) addresses,
        bool noEmitOnError, string? xdsServer, TextWriter stdout, TextWriter stderr)
    {
        if (xdsServer is not null && !XdsServerOption.IsValid(xdsServer))
        {
            stderr.WriteLine($"meshc: --xds-server: '{xdsServer}' is not HOST:PORT");
            return ExitCodes.UsageOrIo;
        }
        if (!EmitOption.TryParse(emit, out var targets, out var bad))
        {
            stderr.WriteLine($"meshc: unknown --emit value '{bad}' (expected {EmitOption.Names})");
            return ExitCodes.UsageOrIo;
        }
        if (output == "-" && !targets.HasFlag(EmitTargets.K8s))
        {
            stderr.WriteLine("meshc: -o - writes Kubernetes manifests to stdout; add --emit k8s");
            return ExitCodes.UsageOrIo;
        }
        var loaded = Load(inputs, addresses, stderr,
            o => (xdsServer is null ? o : o with { XdsServer = xdsServer }) with { NoEmitOnError = noEmitOnError });
        if (loaded.Compilation is null) return ExitCodes.UsageOrIo;
        var result = PhaseTimings.Time("back ends", () => loaded.Compilation.Emit(targets));
        DiagnosticPrinter.Print(result.Diagnostics, stderr, verbose);
        if (result.Bundle is null) return ExitCodes.InputErrors;
        // Fallback errors still fail the run (CI must see them), but the bundle is what Cilium would program.
        var exit = result.HasErrors ? ExitCodes.InputErrors : ExitCodes.Ok;
        if (output == "-")
        {
            stdout.Write(BackEnds.Kubernetes.KubernetesBackEnd.Stream(result.Bundle));
            return exit;
        }
        try
        {
            PhaseTimings.Time("write bundle", () => { BundleWriter.Write(result.Bundle, output); return 0; });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var problem = new DiagnosticBag();
            problem.ReportOutputNotWritable(new Text.SourceLocation(output, 0, 0), output, e.Message);
            DiagnosticPrinter.Print(problem.ToImmutableSorted(), stderr, verbose);
            return ExitCodes.UsageOrIo;
        }
        var errors = result.Diagnostics.Count(d => d.Severity == Severity.Error);
        var left = errors == 0 ? "" : $"; {errors} error{(errors == 1 ? "" : "s")} above: what {(errors == 1 ? "it names is" : "they name is")} left out or answers 500, as Cilium programs it (see status/)";
        stdout.WriteLine($"wrote bundle {result.Bundle.Id[..12]} to {output} ({result.Bundle.Files.Length} files){left}");
        return exit;
    }

    private static int Check(string[] inputs, bool verbose, bool status, ReportFormat format, (string? LbPool, string? ServiceCidr) addresses,
        TextWriter stdout, TextWriter stderr)
    {
        if (status && format != ReportFormat.Text)
        {
            stderr.WriteLine("meshc: --status prints text; use it without --format, or with --format text");
            return ExitCodes.UsageOrIo;
        }
        var loaded = Load(inputs, addresses, format == ReportFormat.Text ? stderr : TextWriter.Null);
        if (loaded.Compilation is null)
        {
            if (format != ReportFormat.Text) Report(format, loaded.Diagnostics, [], verbose, stdout);
            return ExitCodes.UsageOrIo;
        }
        var result = PhaseTimings.Time("back ends", () => loaded.Compilation.Check());
        if (format != ReportFormat.Text)
        {
            Report(format, result.Diagnostics, loaded.Compilation.Declarations, verbose, stdout);
            return result.HasErrors ? ExitCodes.InputErrors : ExitCodes.Ok;
        }
        DiagnosticPrinter.Print(result.Diagnostics, stderr, verbose, summary: false);
        if (status)
            foreach (var (path, text) in BackEnds.Status.StatusBackEnd.Render(result.Status))
                stdout.Write($"--- # {path}\n{text}");
        stdout.WriteLine(DiagnosticPrinter.Summary(result.Diagnostics, verbose));
        return result.HasErrors ? ExitCodes.InputErrors : ExitCodes.Ok;
    }

    private static void Report(ReportFormat format, IEnumerable<Diagnostic> diagnostics, IEnumerable<Ir.Declaration> declarations, bool verbose, TextWriter stdout)
    {
        var reported = ReportedDiagnostic.Of(diagnostics, declarations, verbose);
        stdout.Write(format switch
        {
            ReportFormat.Json => JsonReport.Render(reported),
            ReportFormat.Sarif => SarifReport.Render(reported),
            ReportFormat.Text => throw new ArgumentOutOfRangeException(nameof(format), format, "text is printed line by line"),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown report format"),
        });
    }

    private static int Trace(string[] inputs, string from, string to, string? http, bool exitZero, TextWriter stdout, TextWriter stderr)
    {
        Meshc.PolicyEngine.PolicyBundle? bundle;
        string? error;
        if (inputs.Length == 1 && File.Exists(Path.Combine(inputs[0], BundleManifest.FileName)))
        {
            (bundle, error) = Meshc.PolicyEngine.PolicyBundle.LoadFolder(inputs[0]);
        }
        else
        {
            var loaded = Load(inputs, (null, null), stderr);
            if (loaded.Compilation is null) return ExitCodes.UsageOrIo;
            var result = PhaseTimings.Time("back ends", () => loaded.Compilation.Emit(EmitTargets.Bpf));
            DiagnosticPrinter.Print(result.Diagnostics, stderr, verbose: false);
            if (result.Bundle is null) return ExitCodes.InputErrors;
            (bundle, error) = Meshc.PolicyEngine.PolicyBundle.Load(result.Bundle.Files.ToDictionary(f => f.Path, f => f.Content));
        }
        if (bundle is null)
        {
            stderr.WriteLine($"meshc: {error}");
            return ExitCodes.UsageOrIo;
        }
        var exit = TraceCommand.Run(bundle, from, to, http, stdout, stderr);
        return exit == ExitCodes.Denied && exitZero ? ExitCodes.Ok : exit;
    }

    /// <summary>The bundle <c>meshc graph</c> draws: the bundle folder named, or the inputs compiled (xDS and status) in memory.</summary>
    private static (IReadOnlyCollection<string>? Paths, Func<string, string>? ReadText, int Exit) GraphBundle(string[] inputs, TextWriter stderr)
    {
        if (inputs.Length == 1 && File.Exists(Path.Combine(inputs[0], BundleManifest.FileName)))
        {
            try
            {
                var (paths, readText) = GraphCommand.ReadFolder(inputs[0]);
                return (paths, readText, ExitCodes.Ok);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"meshc: {e.Message}");
                return (null, null, ExitCodes.UsageOrIo);
            }
        }
        var loaded = Load(inputs, (null, null), stderr);
        if (loaded.Compilation is null) return (null, null, ExitCodes.UsageOrIo);
        var result = PhaseTimings.Time("back ends", () => loaded.Compilation.Emit(EmitTargets.Xds | EmitTargets.Status));
        DiagnosticPrinter.Print(result.Diagnostics, stderr, verbose: false);
        if (result.Bundle is null) return (null, null, ExitCodes.InputErrors);
        var bundle = result.Bundle;
        // Fallback errors still fail the run, as compile does; the graph shows what they leave out.
        return ([.. bundle.Files.Select(f => f.Path)], bundle.ReadText, result.HasErrors ? ExitCodes.InputErrors : ExitCodes.Ok);
    }

    /// <summary>
    /// Reads the inputs and applies the address flags (and <paramref name="adjust"/>): the compilation to run, or null on
    /// a usage or I/O problem (exit 2), which is printed to <paramref name="stderr"/>; the load diagnostics are returned
    /// either way.
    /// </summary>
    private static (Compilation? Compilation, IReadOnlyList<Diagnostic> Diagnostics) Load(string[] inputs, (string? LbPool, string? ServiceCidr) addresses,
        TextWriter stderr, Func<CompilationOptions, CompilationOptions>? adjust = null)
    {
        var (options, optionError) = AddressOptions.Apply(adjust?.Invoke(CompilationOptions.Default) ?? CompilationOptions.Default, addresses.LbPool, addresses.ServiceCidr);
        if (options is null)
        {
            stderr.WriteLine($"meshc: {optionError}");
            return (null, []);
        }
        var loadDiagnostics = new DiagnosticBag();
        var sources = PhaseTimings.Time("read inputs", () => SourceLoader.Load(inputs, loadDiagnostics));
        var found = loadDiagnostics.ToImmutableSorted();
        if (loadDiagnostics.HasErrors)
        {
            DiagnosticPrinter.Print(found, stderr, verbose: false);
            return (null, found);
        }
        // The largest fixed cost of a run is protobuf building the descriptors of the Envoy types (the back ends
        // validate and format with them). A one-shot process builds them on another core while the front end reads.
        PhaseTimings.Background("Envoy type descriptors (other thread)", () => _ = Meshc.EnvoyApi.EnvoyTypes.TypeRegistry);
        var compilation = Compilation.Create(sources, options);
        PhaseTimings.Time("analysis (front ends, passes)", () => compilation.Model);
        return (compilation, found);
    }
}
