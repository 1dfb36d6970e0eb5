using Meshc.Compiler.Ir;
using Meshc.Compiler.Tests.BackEnds.Bpf;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Tests.FrontEnds.Yaml;

/// <summary>CiliumNetworkPolicy YAML → IR, and the diagnostics of its checks, at their positions.</summary>
public sealed class NetworkPolicyReaderTests
{
    private static readonly string Workloads =
        BpfInputs.Deployment("bookstore", "app: bookstore") + BpfInputs.Deployment("netshoot", "app: netshoot");

    private static EmitResult Check(string policy) =>
        Compilation.Create([new SourceText("p.yaml", Workloads + policy)]).Check();

    private static List<string> Findings(string policy) =>
        [.. Check(policy).Diagnostics.Where(d => d.Code.Value != "MC0104").Select(d => d.ToString())];

    [Fact]
    public void Read_FullPolicy_AllSectionsPeersPortsAndHttp()
    {
        var result = Check(PolicyInputs.Policy("p", "app: bookstore", """
              ingress:
                - fromEndpoints: [{ matchLabels: { app: netshoot } }]
                  toPorts:
                    - ports: [{ port: "8080", protocol: TCP }, { port: "9000", endPort: 9010, protocol: UDP }]
                      rules: { http: [{ method: GET, path: "/books.*", headers: ["X-Ok"] }] }
                - fromEntities: [world, host]
              ingressDeny:
                - fromCIDR: [10.1.2.3/8]
              egress:
                - toEntities: [all]
            """));
        // The one finding: the HTTP rules shared by the toPorts block do not apply to its UDP range.
        Assert.Equal(["MC0351"], result.Diagnostics.Where(d => d.Code.Value != "MC0104").Select(d => d.Code.Value));
        var policy = Assert.Single(result.Model.NetworkPolicies);
        Assert.Equal("bookstore", policy.EndpointSelector.MatchLabels[0].Value);
        Assert.Equal(["ingress[0]", "ingress[1]", "ingressDeny[0]", "egress[0]"], policy.Rules.Select(r => r.Name));
        var first = policy.Rules[0];
        Assert.Equal("netshoot", first.Peers[0].Selector!.MatchLabels[0].Value);
        Assert.Equal([(8080, 0, "TCP"), (9000, 9010, "UDP")], first.Ports.Select(p => (p.Port, p.EndPort, p.Protocol)));
        Assert.Equal(("GET", "/books.*"), (first.Ports[0].Http[0].Method, first.Ports[0].Http[0].Path));
        Assert.Equal(["world", "host"], policy.Rules[1].Peers.Select(p => p.Entity));
        Assert.Equal("10.0.0.0/8", policy.Rules[2].Peers[0].Cidr);
        Assert.True(policy.Rules[2].Deny);
        Assert.Equal(PolicyDirection.Egress, policy.Rules[3].Direction);
    }

    [Fact]
    public void Read_UnknownEntity_ErrorWithSuggestion()
    {
        var findings = Findings(PolicyInputs.Policy("p", "app: bookstore", """
              ingress:
                - fromEntities: [wrold]
            """));
        Assert.Contains(findings, f => f.Contains("error MC0121") && f.Contains("'wrold'") && f.Contains("world"));
    }

    [Fact]
    public void Read_BadPortRange_ErrorAtThePort()
    {
        var findings = Findings(PolicyInputs.Policy("p", "app: bookstore", """
              ingress:
                - toPorts:
                    - ports: [{ port: "9000", endPort: 8000 }]
            """));
        Assert.Contains(findings, f => f.StartsWith("p.yaml:") && f.Contains("error MC0120") && f.Contains("9000-8000"));
    }

    [Fact]
    public void Read_BadCidr_Error()
    {
        var findings = Findings(PolicyInputs.Policy("p", "app: bookstore", """
              egress:
                - toCIDR: [10.0.0.0/40]
            """));
        Assert.Contains(findings, f => f.Contains("error MC0122") && f.Contains("10.0.0.0/40"));
    }

    [Fact]
    public void Check_BadPathRegex_InvalidRegex()
    {
        var findings = Findings(PolicyInputs.Policy("p", "app: bookstore", """
              ingress:
                - toPorts:
                    - ports: [{ port: "80", protocol: TCP }]
                      rules: { http: [{ path: "/books(" }] }
            """));
        Assert.Contains(findings, f => f.Contains("error MC0306") && f.Contains("/books("));
    }

    [Fact]
    public void Check_SelectorMatchingNothing_Warning()
    {
        var findings = Findings(PolicyInputs.Policy("p", "app: nobody", """
              ingress:
                - fromEndpoints: [{ matchLabels: { app: ghost } }]
            """));
        Assert.Equal(2, findings.Count(f => f.Contains("warning MC0350")));
    }

    [Fact]
    public void Check_SelectorInOtherNamespace_DoesNotSelectPodsHere()
    {
        var findings = Findings(PolicyInputs.Policy("p", "app: bookstore", """
              ingress:
                - fromEndpoints: [{ matchLabels: { "k8s:app": netshoot, "k8s:io.kubernetes.pod.namespace": prod } }]
            """));
        Assert.Single(findings, f => f.Contains("warning MC0350") && f.Contains("ingress[0]"));
    }

    [Fact]
    public void Schema_TypoInRule_SchemaViolation()
    {
        var findings = Findings(PolicyInputs.Policy("p", "app: bookstore", """
              ingress:
                - fromEndpoint: [{ matchLabels: { app: netshoot } }]
            """));
        Assert.Contains(findings, f => f.Contains("error MC0102") && f.Contains("fromEndpoint"));
    }

    [Fact]
    public void Read_NoSpec_MissingField()
    {
        var findings = Findings("apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: { name: p }\n");
        Assert.Contains(findings, f => f.Contains("MC0105") && f.Contains("spec"));
    }
}
