using Meshc.Compiler.Cli;

namespace Meshc.Compiler.Tests.Cli;

/// <summary>The command line's contract: exit codes 0/1/2, diagnostics on stderr, and no stack trace for bad input.</summary>
public sealed class MeshcCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("meshc-cli-").FullName;

    private static (int Code, string Out, string Err) Run(params string[] args) => CliInvocation.Run(args);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Check_ValidInput_ExitsZero()
    {
        var file = Write("svc.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {ports: [{port: 80}]}\n");
        var (code, output, _) = Run("check", file);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("no errors", output);
    }

    [Fact]
    public void Check_YamlSyntaxError_ExitsOneWithPosition()
    {
        var file = Write("bad.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: [unclosed\n");
        var (code, _, err) = Run("check", file);
        Assert.Equal(ExitCodes.InputErrors, code);
        Assert.Matches(@"bad\.yaml:\d+:\d+: error MC0101: YAML syntax error", err);
        Assert.DoesNotContain("   at ", err);
    }

    [Fact]
    public void Check_MissingInput_ExitsTwoWithMC0501()
    {
        var (code, _, err) = Run("check", Path.Combine(_dir, "nope.yaml"));
        Assert.Equal(ExitCodes.UsageOrIo, code);
        Assert.Contains("error MC0501", err);
    }

    [Fact]
    public void Check_EmptyFolder_ExitsTwoWithMC0503()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_dir, "empty")).FullName;
        var (code, _, err) = Run("check", empty);
        Assert.Equal(ExitCodes.UsageOrIo, code);
        Assert.Contains("error MC0503", err);
    }

    [Fact]
    public void Compile_WithoutOutput_IsUsageError()
    {
        var file = Write("svc.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {ports: [{port: 80}]}\n");
        var (code, _, err) = Run("compile", file);
        Assert.Equal(ExitCodes.UsageOrIo, code);
        Assert.Contains("--output", err);
    }

    [Fact]
    public void Compile_UnknownEmitTarget_IsUsageError()
    {
        var file = Write("svc.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {ports: [{port: 80}]}\n");
        var (code, _, err) = Run("compile", file, "-o", Path.Combine(_dir, "out"), "--emit", "xds,bogus");
        Assert.Equal(ExitCodes.UsageOrIo, code);
        Assert.Contains("bogus", err);
    }

    [Fact]
    public void Compile_OverForeignFolder_ExitsTwoAndKeepsItsFiles()
    {
        var file = Write("svc.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {ports: [{port: 80}]}\n");
        var foreign = Directory.CreateDirectory(Path.Combine(_dir, "home")).FullName;
        File.WriteAllText(Path.Combine(foreign, "notes.txt"), "mine");
        var (code, _, err) = Run("compile", file, "-o", foreign);
        Assert.Equal(ExitCodes.UsageOrIo, code);
        Assert.Contains("MC0504", err);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(foreign, "notes.txt")));
    }

    [Fact]
    public void Compile_OutputWithTrailingSlash_WritesAndReplacesTheBundle()
    {
        var file = Write("svc.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {ports: [{port: 80}]}\n");
        var output = Path.Combine(_dir, "out") + "/";
        Assert.Equal(0, Run("compile", file, "-o", output).Code);
        Assert.Equal(0, Run("compile", file, "-o", output).Code);
        Assert.True(File.Exists(Path.Combine(output, "bundle.json")));
        Assert.Single(Directory.EnumerateDirectories(_dir), d => Path.GetFileName(d) == "out");
    }

    [Fact]
    public void Compile_SameInputTwice_WritesByteIdenticalBundles()
    {
        var file = Write("svc.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {ports: [{port: 80}]}\n");
        var a = Path.Combine(_dir, "a");
        var b = Path.Combine(_dir, "b");
        Assert.Equal(0, Run("compile", file, "-o", a).Code);
        Assert.Equal(0, Run("compile", file, "-o", b).Code);
        var filesA = Directory.EnumerateFiles(a, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(a, f)).Order().ToList();
        var filesB = Directory.EnumerateFiles(b, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(b, f)).Order().ToList();
        Assert.Equal(filesA, filesB);
        foreach (var f in filesA) Assert.Equal(File.ReadAllBytes(Path.Combine(a, f)), File.ReadAllBytes(Path.Combine(b, f)));
    }

    private const string MissingBackend = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: { name: gw, namespace: default }
        spec:
          gatewayClassName: cilium
          listeners: [{ name: http, protocol: HTTP, port: 80 }]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: { name: web, namespace: default }
        spec:
          parentRefs: [{ name: gw }]
          rules: [{ backendRefs: [{ name: missing, port: 8080 }] }]
        """;

    [Fact]
    public void Compile_FallbackError_ExitsOneAndStillWritesTheBundle()
    {
        var file = Write("route.yaml", MissingBackend);
        var output = Path.Combine(_dir, "out");
        var (code, stdout, err) = Run("compile", file, "-o", output);
        Assert.Equal(ExitCodes.InputErrors, code);
        Assert.Contains("error MC0201", err);
        Assert.Contains("1 error above", stdout);
        Assert.True(File.Exists(Path.Combine(output, "bundle.json")));
        Assert.Contains("\"status\": 500", File.ReadAllText(Path.Combine(output, "xds", "routes.json")));
    }

    [Fact]
    public void Compile_NoEmitOnError_WritesNothingForAFallbackError()
    {
        var file = Write("route.yaml", MissingBackend);
        var output = Path.Combine(_dir, "out");
        var (code, _, err) = Run("compile", file, "-o", output, "--no-emit-on-error");
        Assert.Equal(ExitCodes.InputErrors, code);
        Assert.Contains("error MC0201", err);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Compile_BlockingError_WritesNothing()
    {
        var file = Write("bad.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: [unclosed\n");
        var output = Path.Combine(_dir, "out");
        var (code, _, _) = Run("compile", file, "-o", output);
        Assert.Equal(ExitCodes.InputErrors, code);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Check_FallbackError_ReportsAsBeforeAndExitsOne()
    {
        var file = Write("route.yaml", MissingBackend);
        var (code, stdout, err) = Run("check", file);
        Assert.Equal(ExitCodes.InputErrors, code);
        Assert.Contains("error MC0201", err);
        Assert.DoesNotContain("no errors", stdout);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
