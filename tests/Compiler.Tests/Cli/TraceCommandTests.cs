using Meshc.Compiler.Cli;
using Meshc.Compiler.Tests.BackEnds.Bpf;
using Meshc.Compiler.Tests.FrontEnds.Cilium;

namespace Meshc.Compiler.Tests.Cli;

/// <summary><c>meshc trace</c> on the bookstore scenario with a readers policy: allowed and denied flows, each naming its rule.</summary>
public sealed class TraceCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("meshc-trace-").FullName;

    public TraceCommandTests()
    {
        foreach (var file in Directory.GetFiles(CecInputs.BookstoreFolder, "*.yaml")) File.Copy(file, Path.Combine(_dir, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(_dir, "04-policy.yaml"),
            BpfInputs.Deployment("netshoot", "app: netshoot") + BpfInputs.Deployment("admin", "app: admin") +
            PolicyInputs.Policy("bookstore-readers", "app: bookstore", """
                  ingress:
                    - fromEndpoints: [{ matchLabels: { app: netshoot } }]
                      toPorts:
                        - ports: [{ port: "8080", protocol: TCP }]
                          rules: { http: [{ method: GET, path: "/books.*" }] }
                  ingressDeny:
                    - fromEndpoints: [{ matchLabels: { app: admin } }]
                """));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        return (MeshcCommand.Run(args, stdout, stderr), stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Trace_AllowedGet_PrintsStepsAndNamesTheRule()
    {
        var (code, output, _) = Run("trace", "--from", "app=netshoot", "--to", "bookstore:8080/TCP", "--http", "GET /books", _dir);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("service lookup: default/bookstore 127.0.200.1:8080/TCP", output);
        Assert.Contains("L7 load balancer: redirected to proxy port 10000", output);
        Assert.Contains("L3 lookup identity 259", output); // admin 256, bookstore-v1 257, bookstore-v2 258, netshoot 259
        Assert.Contains("verdict: ALLOWED (allowed) by default/bookstore-readers ingress[0]", output);
    }

    [Fact]
    public void Trace_PostNotInRules_DeniedByTheL7Rule()
    {
        var (code, output, _) = Run("trace", "--from", "app=netshoot", "--to", "bookstore:8080/TCP", "--http", "POST /books", _dir);
        Assert.Equal(ExitCodes.Denied, code);
        Assert.Contains("matches no HTTP rule: 403 Access denied", output);
        Assert.Contains("verdict: DENIED (L7 403 Access denied) by default/bookstore-readers ingress[0]", output);
    }

    [Fact]
    public void Trace_DeniedPeer_NamesTheDenyRule()
    {
        var (_, output, _) = Run("trace", "--from", "app=admin", "--to", "bookstore:8080/TCP", _dir);
        Assert.Contains("verdict: DENIED (DropPolicyDeny) by default/bookstore-readers ingressDeny[0]", output);
    }

    [Fact]
    public void Trace_CompiledBundleFolder_SameVerdictAsInputs()
    {
        var bundle = Path.Combine(_dir, "out");
        Assert.Equal(ExitCodes.Ok, Run("compile", _dir, "-o", bundle, "--emit", "xds,bpf").Code);
        var (code, output, _) = Run("trace", "--from", "world", "--to", "bookstore:8080/TCP", bundle);
        Assert.Equal(ExitCodes.Denied, code);
        Assert.Contains("source: world → identity 2 (reserved:world)", output);
        Assert.Contains("verdict: DENIED (DropPolicy) by no matching policy entry (default deny)", output);
    }

    [Fact]
    public void Trace_DeniedWithExitZero_ExitsZero()
    {
        var (code, output, _) = Run("trace", "--exit-zero", "--from", "app=admin", "--to", "bookstore:8080/TCP", _dir);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("verdict: DENIED", output);
    }

    [Fact]
    public void Trace_UnknownService_UsageError()
    {
        var (code, _, err) = Run("trace", "--from", "app=netshoot", "--to", "nosuch:80/TCP", _dir);
        Assert.Equal(ExitCodes.UsageOrIo, code);
        Assert.Contains("no Service frontend 'nosuch'", err);
    }
}
