using Meshc.Compiler.Cli;
using Meshc.Compiler.Tests.BackEnds.Bpf;

namespace Meshc.Compiler.Tests.Cli;

/// <summary>
/// <c>meshc trace --to svc:80</c> of a Service translating 80 → 8080: after the Service lookup the policy is looked up
/// on the backend port 8080 (egress of the source and ingress of the destination, and the HTTP rules' ports), as
/// Cilium does after service translation.
/// </summary>
public sealed class TraceTargetPortTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("meshc-trace-target-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (string Out, string Err) Trace(string policyPort, string? http = null, bool egressRule = false)
    {
        File.WriteAllText(Path.Combine(_dir, "in.yaml"),
            BpfInputs.Deployment("bookstore", "app: bookstore") + BpfInputs.Deployment("netshoot", "app: netshoot") + """
                apiVersion: v1
                kind: Service
                metadata: { name: bookstore, namespace: default }
                spec: { clusterIP: 10.96.8.8, selector: { app: bookstore }, ports: [{ port: 80, targetPort: 8080 }] }
                ---

                """ +
            PolicyInputs.Policy("bookstore-readers", "app: bookstore", $$"""
                  ingress:
                    - fromEndpoints: [{ matchLabels: { app: netshoot } }]
                      toPorts:
                        - ports: [{ port: "{{policyPort}}", protocol: TCP }]
                          rules: { http: [{ method: GET, path: "/books.*" }] }
                """) +
            (egressRule
                ? PolicyInputs.Policy("netshoot-out", "app: netshoot", $$"""
                      egress:
                        - toEndpoints: [{ matchLabels: { app: bookstore } }]
                          toPorts: [{ ports: [{ port: "{{policyPort}}", protocol: TCP }] }]
                    """)
                : ""));
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        string[] args = http is null
            ? ["trace", "--from", "app=netshoot", "--to", "bookstore:80/TCP", _dir]
            : ["trace", "--from", "app=netshoot", "--to", "bookstore:80/TCP", "--http", http, _dir];
        var code = MeshcCommand.Run(args, stdout, stderr);
        var output = stdout.ToString();
        // The exit code follows the verdict: 1 when the flow is denied.
        Assert.Equal(output.Contains("verdict: DENIED", StringComparison.Ordinal) ? ExitCodes.Denied : ExitCodes.Ok, code);
        return (output, stderr.ToString());
    }

    [Fact]
    public void Trace_PolicyOnTheTargetPort_AllowedAfterTranslation()
    {
        var (output, _) = Trace("8080", "GET /books");
        Assert.Contains("service translation: port 80 → backend port 8080", output);
        Assert.Contains("ingress policy of endpoint 1 (cilium_policy_v2_00001), remote identity 257, port 8080/TCP:", output);
        Assert.Contains("matches the HTTP rules of default/bookstore-readers ingress[0]", output);
        Assert.Contains("verdict: ALLOWED (allowed) by default/bookstore-readers ingress[0]", output);
    }

    [Fact]
    public void Trace_PolicyOnTheServicePort_DeniedAtTheBackend()
    {
        var (output, _) = Trace("80", "GET /books");
        Assert.Contains("verdict: DENIED (DropPolicy) by no matching policy entry (default deny)", output);
    }

    [Fact]
    public void Trace_SourceEgressOnTheTargetPort_Allowed()
    {
        var (output, _) = Trace("8080", egressRule: true);
        Assert.Contains("egress policy of endpoint 2 (cilium_policy_v2_00002), remote identity 256, port 8080/TCP:", output);
        Assert.Contains("verdict: ALLOWED", output);
    }

    [Fact]
    public void Trace_SourceEgressOnTheServicePort_DeniedAtTheSource()
    {
        var (output, _) = Trace("80", egressRule: true);
        // The egress entry names 80, the packet leaves for 8080 after translation: the source's egress drops it first.
        Assert.Contains("verdict: DENIED (DropPolicy) by no matching policy entry (default deny)", output);
        Assert.DoesNotContain("ingress policy of endpoint", output);
    }
}
