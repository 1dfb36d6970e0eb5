using System.CommandLine;
using Meshc.Compiler.Bundle;
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
        var inputs = new Argument<string[]>("inputs") { Arity = ArgumentArity.OneOrMore, Description = "YAML/DSL files or folders" };
        var output = new Option<string>("--output", "-o") { Description = "bundle folder to write, or - for the k8s manifests as one YAML stream on stdout", Required = true };
        var emit = new Option<string[]>("--emit") { Description = "what to write: xds, status, ir, k8s, gateway-api, bpf (default: xds,status)", AllowMultipleArgumentsPerToken = true };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "also print info diagnostics" };
        var (lbPool, serviceCidr) = AddressFlags();

        var compile = new Command("compile", "compile inputs into a bundle") { inputs, output, emit, verbose, lbPool, serviceCidr };
        compile.SetAction(r => Compile(r.GetValue(inputs)!, r.GetValue(output)!, r.GetValue(emit), r.GetValue(verbose),
            (r.GetValue(lbPool), r.GetValue(serviceCidr)), stdout, stderr));

        var checkInputs = new Argument<string[]>("inputs") { Arity = ArgumentArity.OneOrMore, Description = "YAML/DSL files or folders" };
        var checkVerbose = new Option<bool>("--verbose", "-v") { Description = "also print info diagnostics" };
        var checkStatus = new Option<bool>("--status") { Description = "also print the Gateway API status of every object meshc owns" };
        var (checkLbPool, checkServiceCidr) = AddressFlags();
        var check = new Command("check", "report diagnostics only; exit 1 when there are errors") { checkInputs, checkVerbose, checkStatus, checkLbPool, checkServiceCidr };
        check.SetAction(r => Check(r.GetValue(checkInputs)!, r.GetValue(checkVerbose), r.GetValue(checkStatus),
            (r.GetValue(checkLbPool), r.GetValue(checkServiceCidr)), stdout, stderr));

        var traceInputs = new Argument<string[]>("inputs") { Arity = ArgumentArity.OneOrMore, Description = "a bundle folder, or YAML/DSL files or folders" };
        var traceFrom = new Option<string>("--from") { Description = "source: labels (app=netshoot), an IPv4 address or an entity (world, host)", Required = true };
        var traceTo = new Option<string>("--to") { Description = "destination: <service>:<port>/<proto> or <label>=<value>:<port>/<proto>", Required = true };
        var traceHttp = new Option<string>("--http") { Description = "an HTTP request for the L7 rules: \"GET /books\"" };
        var trace = new Command("trace", "explain the policy verdict on one flow, step by step") { traceInputs, traceFrom, traceTo, traceHttp };
        trace.SetAction(r => Trace(r.GetValue(traceInputs)!, r.GetValue(traceFrom)!, r.GetValue(traceTo)!, r.GetValue(traceHttp), stdout, stderr));

        var root = new RootCommand("meshc: compiles Gateway API, CiliumEnvoyConfig and mesh DSL into Envoy xDS bundles")
        {
            compile, check, trace, FmtCommand.Create(stdout, stderr), DiffCommand.Create(stdout, stderr),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) stderr.WriteLine($"meshc: {error.Message}");
            stderr.WriteLine("run 'meshc --help' for usage");
            return ExitCodes.UsageOrIo;
        }
        // Faults are not printed here as a stack trace: they reach the caller's last resort (LastResort), which prints one line.
        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
    }

    private static (Option<string> LbPool, Option<string> ServiceCidr) AddressFlags() => (
        new Option<string>("--lb-pool") { Description = $"IPv4 CIDRs Gateways get addresses from, besides the input's CiliumLoadBalancerIPPools (default when neither: {CompilationOptions.DefaultLoadBalancerPool})" },
        new Option<string>("--service-cidr") { Description = $"the IPv4 range Services without a clusterIP get one from (default {CompilationOptions.Default.ServiceCidr})" });

    private static int Compile(string[] inputs, string output, string[]? emit, bool verbose, (string? LbPool, string? ServiceCidr) addresses,
        TextWriter stdout, TextWriter stderr)
    {
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
        var (result, loadFailed) = Load(inputs, addresses, stderr, verbose, c => c.Emit(targets));
        if (loadFailed) return ExitCodes.UsageOrIo;
        if (result!.Bundle is null) return ExitCodes.InputErrors;
        if (output == "-")
        {
            stdout.Write(BackEnds.Kubernetes.KubernetesBackEnd.Stream(result.Bundle));
            return ExitCodes.Ok;
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
        stdout.WriteLine($"wrote bundle {result.Bundle.Id[..12]} to {output} ({result.Bundle.Files.Length} files)");
        return ExitCodes.Ok;
    }

    private static int Check(string[] inputs, bool verbose, bool status, (string? LbPool, string? ServiceCidr) addresses, TextWriter stdout, TextWriter stderr)
    {
        var (result, loadFailed) = Load(inputs, addresses, stderr, verbose, c => c.Check());
        if (loadFailed) return ExitCodes.UsageOrIo;
        if (status)
            foreach (var (path, text) in BackEnds.Status.StatusBackEnd.Render(result!.Status))
                stdout.Write($"--- # {path}\n{text}");
        if (result!.HasErrors) return ExitCodes.InputErrors;
        stdout.WriteLine("no errors");
        return ExitCodes.Ok;
    }

    private static int Trace(string[] inputs, string from, string to, string? http, TextWriter stdout, TextWriter stderr)
    {
        Meshc.PolicyEngine.PolicyBundle? bundle;
        string? error;
        if (inputs.Length == 1 && File.Exists(Path.Combine(inputs[0], BundleManifest.FileName)))
        {
            (bundle, error) = Meshc.PolicyEngine.PolicyBundle.LoadFolder(inputs[0]);
        }
        else
        {
            var (result, loadFailed) = Load(inputs, (null, null), stderr, verbose: false, c => c.Emit(EmitTargets.Bpf));
            if (loadFailed) return ExitCodes.UsageOrIo;
            if (result!.Bundle is null) return ExitCodes.InputErrors;
            (bundle, error) = Meshc.PolicyEngine.PolicyBundle.Load(result.Bundle.Files.ToDictionary(f => f.Path, f => f.Content));
        }
        if (bundle is null)
        {
            stderr.WriteLine($"meshc: {error}");
            return ExitCodes.UsageOrIo;
        }
        return TraceCommand.Run(bundle, from, to, http, stdout, stderr);
    }

    /// <summary>Loads sources (I/O problems → exit 2), runs the compilation and prints its diagnostics.</summary>
    private static (EmitResult? Result, bool LoadFailed) Load(string[] inputs, (string? LbPool, string? ServiceCidr) addresses, TextWriter stderr,
        bool verbose, Func<Compilation, EmitResult> run)
    {
        var (options, optionError) = AddressOptions.Apply(CompilationOptions.Default, addresses.LbPool, addresses.ServiceCidr);
        if (options is null)
        {
            stderr.WriteLine($"meshc: {optionError}");
            return (null, true);
        }
        var loadDiagnostics = new DiagnosticBag();
        var sources = PhaseTimings.Time("read inputs", () => SourceLoader.Load(inputs, loadDiagnostics));
        if (loadDiagnostics.HasErrors)
        {
            DiagnosticPrinter.Print(loadDiagnostics.ToImmutableSorted(), stderr, verbose);
            return (null, true);
        }
        // The largest fixed cost of a run is protobuf building the descriptors of the Envoy types (the back ends
        // validate and format with them). A one-shot process builds them on another core while the front end reads.
        PhaseTimings.Background("Envoy type descriptors (other thread)", () => _ = Meshc.EnvoyApi.EnvoyTypes.TypeRegistry);
        var compilation = Compilation.Create(sources, options);
        PhaseTimings.Time("analysis (front ends, passes)", () => compilation.Model);
        var result = PhaseTimings.Time("back ends", () => run(compilation));
        DiagnosticPrinter.Print(result.Diagnostics, stderr, verbose);
        return (result, false);
    }
}
