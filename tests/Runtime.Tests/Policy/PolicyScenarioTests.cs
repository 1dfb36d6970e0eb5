using Meshc.PolicyEngine;
using Meshc.PolicyEngine.Kernel;

namespace Meshc.Runtime.Tests.Policy;

/// <summary>
/// The policy table: each row compiles a policy with meshc, loads the bundle's bpf/ maps into the runtime's engine
/// and decides one flow to bookstore. Expected verdicts follow Cilium's <c>__policy_can_access</c>.
/// </summary>
public sealed class PolicyScenarioTests
{
    private const string L3Netshoot = """
          ingress:
            - fromEndpoints: [{ matchLabels: { app: netshoot } }]
        """;
    private const string L4Only8080 = """
          ingress:
            - toPorts: [{ ports: [{ port: "8080", protocol: TCP }] }]
        """;
    private const string L3L4 = """
          ingress:
            - fromEndpoints: [{ matchLabels: { app: netshoot } }]
              toPorts: [{ ports: [{ port: "8080", protocol: TCP }] }]
        """;
    private const string Range = """
          ingress:
            - fromEndpoints: [{ matchLabels: { app: netshoot } }]
              toPorts: [{ ports: [{ port: "9000", endPort: 9015, protocol: TCP }] }]
        """;
    private const string AnyTcpPort = """
          ingress:
            - fromEndpoints: [{ matchLabels: { app: netshoot } }]
              toPorts: [{ ports: [{ port: "0", protocol: TCP }] }]
        """;
    private const string AnyProtocol53 = """
          ingress:
            - toPorts: [{ ports: [{ port: "53", protocol: ANY }] }]
        """;
    private const string DenyL3AllowL4 = """
          ingress:
            - toPorts: [{ ports: [{ port: "8080", protocol: TCP }] }]
          ingressDeny:
            - fromEndpoints: [{ matchLabels: { app: netshoot } }]
        """;
    private const string AllowL3DenyL4 = """
          ingress:
            - fromEndpoints: [{ matchLabels: { app: netshoot } }]
          ingressDeny:
            - toPorts: [{ ports: [{ port: "8080", protocol: TCP }] }]
        """;
    private const string AllowL3AndL4 = """
          ingress:
            - fromEndpoints: [{ matchLabels: { app: netshoot } }]
            - toPorts: [{ ports: [{ port: "8080", protocol: TCP }] }]
        """;
    private const string EqualPrefixTie = """
          ingress:
            - fromEndpoints: [{ matchLabels: { app: netshoot } }]
              toPorts: [{ ports: [{ port: "8080", protocol: TCP }] }]
            - toPorts: [{ ports: [{ port: "8080", protocol: TCP }] }]
        """;
    private const string DenyWorldAllowAll = """
          ingress:
            - fromEntities: [all]
          ingressDeny:
            - fromEntities: [world]
              toPorts: [{ ports: [{ port: "8080", protocol: TCP }] }]
        """;
    private const string FromWorld = """
          ingress:
            - fromEntities: [world]
        """;
    private const string FromCluster = """
          ingress:
            - fromEntities: [cluster]
        """;
    private const string FromHost = """
          ingress:
            - fromEntities: [host]
        """;
    private const string FromCidr = """
          ingress:
            - fromCIDR: [10.0.0.0/8]
        """;
    private const string CidrDenyInsideAllow = """
          ingress:
            - fromCIDR: [10.0.0.0/8]
          ingressDeny:
            - fromCIDR: [10.1.0.0/16]
        """;
    private const string HttpBooks = """
          ingress:
            - fromEndpoints: [{ matchLabels: { app: netshoot } }]
              toPorts:
                - ports: [{ port: "8080", protocol: TCP }]
                  rules: { http: [{ method: GET, path: "/books(/.*)?" }, { method: "PUT|POST", path: /orders, headers: ["X-Token"] }] }
        """;
    private const string HttpPlusDeny = """
          ingress:
            - fromEndpoints: [{ matchLabels: { app: netshoot } }]
              toPorts:
                - ports: [{ port: "8080", protocol: TCP }]
                  rules: { http: [{ method: GET }] }
          ingressDeny:
            - fromEndpoints: [{ matchLabels: { role: ops } }]
              toPorts: [{ ports: [{ port: "8080", protocol: TCP }] }]
        """;
    private const string L4RedirectOverL3Allow = """
          ingress:
            - fromEndpoints: [{ matchLabels: { app: netshoot } }]
            - toPorts:
                - ports: [{ port: "8080", protocol: TCP }]
                  rules: { http: [{ method: GET }] }
        """;
    private const string EgressNetshoot = """
          egress:
            - toEndpoints: [{ matchLabels: { app: bookstore } }]
              toPorts: [{ ports: [{ port: "8080", protocol: TCP }] }]
          egressDeny:
            - toEndpoints: [{ matchLabels: { app: bookstore } }]
              toPorts: [{ ports: [{ port: "8443", protocol: TCP }] }]
        """;

    /// <summary>name · policy sections (on bookstore; "egress:" rows select netshoot) · from · port[/proto] · HTTP · allowed · deciding rule.</summary>
    public static TheoryData<string, string, string, string, string?, bool, string> Rows => new()
    {
        { "no policy allows all", "", "netshoot", "8080", null, true, "(no policy: allow all)" },
        { "L3-only: selected peer, any port", L3Netshoot, "netshoot", "8080", null, true, "default/shop ingress[0]" },
        { "L3-only: selected peer, UDP too", L3Netshoot, "netshoot", "5353/UDP", null, true, "default/shop ingress[0]" },
        { "L3-only: other peer dropped", L3Netshoot, "admin", "8080", null, false, "no matching policy entry (default deny)" },
        { "L3-only: world dropped", L3Netshoot, "id:2", "8080", null, false, "no matching policy entry (default deny)" },
        { "L4-only: any peer on the port", L4Only8080, "admin", "8080", null, true, "default/shop ingress[0]" },
        { "L4-only: other port dropped", L4Only8080, "admin", "8081", null, false, "no matching policy entry (default deny)" },
        { "L4-only: other protocol dropped", L4Only8080, "admin", "8080/UDP", null, false, "no matching policy entry (default deny)" },
        { "L3+L4: peer and port", L3L4, "netshoot", "8080", null, true, "default/shop ingress[0]" },
        { "L3+L4: peer, wrong port", L3L4, "netshoot", "8081", null, false, "no matching policy entry (default deny)" },
        { "L3+L4: port, wrong peer", L3L4, "admin", "8080", null, false, "no matching policy entry (default deny)" },
        { "range: first port", Range, "netshoot", "9000", null, true, "default/shop ingress[0]" },
        { "range: last port", Range, "netshoot", "9015", null, true, "default/shop ingress[0]" },
        { "range: one past the end", Range, "netshoot", "9016", null, false, "no matching policy entry (default deny)" },
        { "range: one before the start", Range, "netshoot", "8999", null, false, "no matching policy entry (default deny)" },
        { "port 0: any TCP port", AnyTcpPort, "netshoot", "40000", null, true, "default/shop ingress[0]" },
        { "port 0 TCP: UDP dropped", AnyTcpPort, "netshoot", "53/UDP", null, false, "no matching policy entry (default deny)" },
        { "protocol ANY with a port: UDP", AnyProtocol53, "admin", "53/UDP", null, true, "default/shop ingress[0]" },
        { "protocol ANY with a port: SCTP", AnyProtocol53, "admin", "53/SCTP", null, true, "default/shop ingress[0]" },
        { "L3 deny beats L4 allow at once", DenyL3AllowL4, "netshoot", "8080", null, false, "default/shop ingressDeny[0]" },
        { "L3 deny leaves others to the L4 allow", DenyL3AllowL4, "admin", "8080", null, true, "default/shop ingress[0]" },
        { "L4 deny has higher precedence than L3 allow", AllowL3DenyL4, "netshoot", "8080", null, false, "default/shop ingressDeny[0]" },
        { "L3 allow on ports the L4 deny leaves", AllowL3DenyL4, "netshoot", "8081", null, true, "default/shop ingress[0]" },
        { "equal precedence: longer L4 prefix wins", AllowL3AndL4, "netshoot", "8080", null, true, "default/shop ingress[1]" },
        { "equal precedence and prefix: tie goes to L3", EqualPrefixTie, "netshoot", "8080", null, true, "default/shop ingress[0]" },
        { "entity world denied on the port", DenyWorldAllowAll, "id:2", "8080", null, false, "default/shop ingressDeny[0]" },
        { "entity all allows world elsewhere", DenyWorldAllowAll, "id:2", "8081", null, true, "default/shop ingress[0]" },
        { "entity all allows pods", DenyWorldAllowAll, "netshoot", "8080", null, true, "default/shop ingress[0]" },
        { "entity world allows world", FromWorld, "id:2", "80", null, true, "default/shop ingress[0]" },
        { "entity world excludes pods", FromWorld, "netshoot", "80", null, false, "no matching policy entry (default deny)" },
        { "entity cluster allows pods", FromCluster, "admin", "80", null, true, "default/shop ingress[0]" },
        { "entity cluster excludes world", FromCluster, "id:2", "80", null, false, "no matching policy entry (default deny)" },
        { "entity host allows the host", FromHost, "id:1", "80", null, true, "default/shop ingress[0]" },
        { "CIDR: address inside", FromCidr, "10.1.2.3", "80", null, true, "default/shop ingress[0]" },
        { "CIDR: address outside is world", FromCidr, "192.168.1.1", "80", null, false, "no matching policy entry (default deny)" },
        { "CIDR: deny of a narrower prefix", CidrDenyInsideAllow, "10.1.2.3", "80", null, false, "default/shop ingressDeny[0]" },
        { "CIDR: wider allow outside the deny", CidrDenyInsideAllow, "10.2.0.1", "80", null, true, "default/shop ingress[0]" },
        { "L7: GET /books allowed", HttpBooks, "netshoot", "8080", "GET /books", true, "default/shop ingress[0]" },
        { "L7: GET /books/42 allowed", HttpBooks, "netshoot", "8080", "GET /books/42", true, "default/shop ingress[0]" },
        { "L7: POST /books denied", HttpBooks, "netshoot", "8080", "POST /books", false, "default/shop ingress[0]" },
        { "L7: GET /bookshelf denied (full match)", HttpBooks, "netshoot", "8080", "GET /bookshelf", false, "default/shop ingress[0]" },
        { "L7: PUT /orders with the header", HttpBooks, "netshoot", "8080", "PUT /orders X-Token=1", true, "default/shop ingress[0]" },
        { "L7: PUT /orders without the header", HttpBooks, "netshoot", "8080", "PUT /orders", false, "default/shop ingress[0]" },
        { "L7: other peer dropped before the proxy", HttpBooks, "admin", "8080", "GET /books", false, "no matching policy entry (default deny)" },
        { "L7 with deny: deny wins for ops", HttpPlusDeny, "admin", "8080", "GET /", false, "default/shop ingressDeny[0]" },
        { "allow vs allow, different precedence: the L4 redirect beats the L3 allow", L4RedirectOverL3Allow, "netshoot", "8080", "GET /", true, "default/shop ingress[1]" },
        { "allow vs allow, different precedence: its L7 rules then apply", L4RedirectOverL3Allow, "netshoot", "8080", "POST /", false, "default/shop ingress[1]" },
        { "allow vs allow, different precedence: the L3 allow on other ports", L4RedirectOverL3Allow, "netshoot", "9090", null, true, "default/shop ingress[0]" },
        { "egress: allowed by the source's policy", EgressNetshoot, "netshoot", "8080", null, true, "(no policy: allow all)" },
        { "egress: other port dropped at the source", EgressNetshoot, "netshoot", "9090", null, false, "no matching policy entry (default deny)" },
        { "egress deny at the source", EgressNetshoot, "netshoot", "8443", null, false, "default/shop egressDeny[0]" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Decide_Scenario_ExpectedVerdictAndRule(string name, string sections, string from, string port, string? http, bool allowed, string rule)
    {
        var selector = sections.Contains("egress", StringComparison.Ordinal) ? "app: netshoot" : "app: bookstore";
        var bundle = PolicyScenarios.Compile(sections.Length == 0 ? "" : PolicyScenarios.Policy(sections, selector: selector));
        var verdict = PolicyScenarios.Decide(bundle, from, port, http);
        Assert.True(allowed == verdict.Allowed, $"{name}: expected {(allowed ? "allowed" : "denied")}\n{string.Join("\n", verdict.Steps)}");
        Assert.Equal(rule, verdict.DecidingRule);
    }

    /// <summary>The same table with every lookup answered by the kernel: the policy maps loaded as real LPM tries.</summary>
    [KernelTheory]
    [MemberData(nameof(Rows))]
    public void Decide_ScenarioOnKernelMaps_ExpectedVerdictAndRule(string name, string sections, string from, string port, string? http, bool allowed, string rule)
    {
        var selector = sections.Contains("egress", StringComparison.Ordinal) ? "app: netshoot" : "app: bookstore";
        var files = PolicyScenarios.CompileFiles(sections.Length == 0 ? "" : PolicyScenarios.Policy(sections, selector: selector));
        var (kernel, refused) = KernelMapSet.Create(files);
        Assert.True(kernel is not null, refused);
        using (kernel)
        {
            var maps = kernel!.Maps.ToDictionary(m => m.Name, m => (IPolicyEntries)new KernelPolicyMap(m), StringComparer.Ordinal);
            var verdict = PolicyScenarios.Decide(PolicyScenarios.Load(files), from, port, http, maps: e => maps[e.Map.Name]);
            Assert.True(allowed == verdict.Allowed, $"{name}: expected {(allowed ? "allowed" : "denied")}\n{string.Join("\n", verdict.Steps)}");
            Assert.Equal(rule, verdict.DecidingRule);
        }
    }
}
