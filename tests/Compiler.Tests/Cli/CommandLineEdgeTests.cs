using Meshc.Compiler.Cli;

namespace Meshc.Compiler.Tests.Cli;

/// <summary>The edges of the command line a new user meets first: help, typos, wrong combinations, one summary.</summary>
public sealed class CommandLineEdgeTests : IDisposable
{
    private const string Service = "apiVersion: v1\nkind: Service\nmetadata: {name: a, namespace: default}\nspec: {ports: [{port: 80}]}\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("meshc-edges-").FullName;

    private static (int Code, string Out, string Err) Run(params string[] args) => CliInvocation.Run(args);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Help_ListsEveryCommandIncludingRunAndTrace()
    {
        var (code, output, _) = Run("--help");
        Assert.Equal(ExitCodes.Ok, code);
        foreach (var command in UsageChecks.Commands) Assert.Matches($@"(?m)^\s+{command}\b", output);
    }

    [Fact]
    public void UnknownOption_IsAUsageError_NotAFileName()
    {
        var file = Write("svc.yaml", Service);
        var (code, _, err) = Run("check", "--frob", file);
        Assert.Equal(ExitCodes.UsageOrIo, code);
        Assert.Contains("unknown option '--frob'", err);
        Assert.DoesNotContain("MC0501", err);
    }

    [Fact]
    public void UnknownCommand_OneClearMessage()
    {
        var (code, output, err) = Run("frob");
        Assert.Equal(ExitCodes.UsageOrIo, code);
        Assert.Empty(output);
        Assert.Equal(["meshc: unknown command 'frob'; the commands are compile, check, run, serve, test, trace, fmt, diff, graph",
            "run 'meshc --help' for usage"], Lines(err));
    }

    [Fact]
    public void MisspeltCommand_SuggestsTheCommand()
    {
        var (code, _, err) = Run("chek", "x.yaml");
        Assert.Equal(ExitCodes.UsageOrIo, code);
        Assert.Contains("(did you mean 'check'?)", err);
    }

    [Fact]
    public void NoCommand_IsAUsageError()
    {
        var (code, _, err) = Run();
        Assert.Equal(ExitCodes.UsageOrIo, code);
        Assert.Contains("no command given", err);
    }

    [Fact]
    public void CompileToStdoutWithoutK8s_FailsBeforeReadingTheInputs()
    {
        // The input does not exist: had meshc read it first, the error would be MC0501.
        var (code, output, err) = Run("compile", Path.Combine(_dir, "missing.yaml"), "-o", "-");
        Assert.Equal(ExitCodes.UsageOrIo, code);
        Assert.Empty(output);
        Assert.Equal(["meshc: -o - writes Kubernetes manifests to stdout; add --emit k8s"], Lines(err));
    }

    [Fact]
    public void Diff_FolderThatIsNotABundle_ExitsTwo()
    {
        var bundle = Path.Combine(_dir, "bundle");
        Assert.Equal(ExitCodes.Ok, Run("compile", Write("in/svc.yaml", Service), "-o", bundle).Code);
        var (code, output, err) = Run("diff", bundle, Path.Combine(_dir, "in"));
        Assert.Equal(ExitCodes.UsageOrIo, code);
        Assert.Empty(output);
        Assert.Contains("is not a bundle folder (it has no bundle.json)", err);
    }

    [Fact]
    public void Fmt_FolderWithoutDsl_SaysSo()
    {
        Write("yaml-only/svc.yaml", Service);
        var (code, output, err) = Run("fmt", Path.Combine(_dir, "yaml-only"));
        Assert.Equal(ExitCodes.UsageOrIo, code);
        Assert.Empty(output);
        Assert.Contains("no .dsl files in", err);
    }

    [Fact]
    public void Check_WithAWarning_PrintsOneSummaryLine()
    {
        // The same Service twice: one warning (MC0106), no error.
        var file = Write("twice.yaml", Service + "---\n" + Service);
        var (code, output, err) = Run("check", file);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(["no errors, 1 warning"], Lines(output));
        var diagnostics = Lines(err);
        Assert.Single(diagnostics);
        Assert.Contains("warning MC0106", diagnostics[0]);
    }

    [Fact]
    public void Check_WithErrors_SummaryCountsThem()
    {
        var file = Write("bad.yaml", Service.Replace("port: 80", "port: -1", StringComparison.Ordinal));
        var (code, output, _) = Run("check", file);
        Assert.Equal(ExitCodes.InputErrors, code);
        Assert.Equal(["1 error, 0 warnings"], Lines(output));
    }

    [Fact]
    public void Check_StatusWithJson_IsAUsageError()
    {
        var (code, _, err) = Run("check", "--status", "--format", "json", Write("svc.yaml", Service));
        Assert.Equal(ExitCodes.UsageOrIo, code);
        Assert.Contains("--status prints text", err);
    }

    [Fact]
    public void Check_UnknownFormat_IsAUsageError()
    {
        var (code, _, err) = Run("check", "--format", "xml", Write("svc.yaml", Service));
        Assert.Equal(ExitCodes.UsageOrIo, code);
        Assert.Contains("xml", err);
        Assert.DoesNotContain("Meshc.", err);
    }

    [Fact]
    public void WeightOutOfRange_ReportedOnce()
    {
        var gateway = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: gw, namespace: default}
            spec:
              gatewayClassName: cilium
              listeners: [{name: web, protocol: HTTP, port: 80}]
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: r, namespace: default}
            spec:
              parentRefs: [{name: gw}]
              rules:
              - backendRefs:
                - name: a
                  port: 80
                  weight: 2000000
            ---
            """;
        var (code, _, err) = Run("check", Write("route.yaml", gateway + "\n" + Service));
        Assert.Equal(ExitCodes.InputErrors, code);
        var findings = Lines(err).Where(l => l.Contains("2000000", StringComparison.Ordinal) || l.Contains("2,000,000", StringComparison.Ordinal)).ToList();
        Assert.Equal(["route.yaml:17:15: error MC0304: weight 2,000,000 is outside 0…1,000,000"], findings.Select(f => Path.GetFileName(f)));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
