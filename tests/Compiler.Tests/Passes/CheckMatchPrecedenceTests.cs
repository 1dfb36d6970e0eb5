namespace Meshc.Compiler.Tests.Passes;

public class CheckMatchPrecedenceTests
{
    private static string Route(string name, string hostname, string rules) => $"""
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: {name}
          namespace: default
        spec:
          parentRefs:
          - name: gw
          hostnames: [{hostname}]
          rules:
        {rules}
        ---

        """;

    private const string FirstOrder = """
          - matches:
            - path:
                type: PathPrefix
                value: /x
              headers:
              - name: X-One
                value: "1"
              - name: x-two
                value: "2"
            backendRefs:
            - name: web
              port: 8080
        """;

    private const string SecondOrder = """
          - matches:
            - path:
                value: /x
              headers:
              - name: x-two
                value: "2"
              - name: x-one
                value: "1"
            backendRefs:
            - name: web
              port: 8080
        """;

    [Fact]
    public void CheckMatchPrecedence_SameMatchSameHost_WarnsAlphabeticallyLaterRoute()
    {
        var c = Checked.Run(Snippets.GatewayAndService + Route("b", "a.com", FirstOrder) + Route("a", "a.com", SecondOrder));
        var d = c.Single("MC0314", "path:\n        type: PathPrefix");
        Assert.Equal(global::Meshc.Compiler.Diagnostics.Severity.Warning, d.Severity);
        Assert.Contains("HTTPRoute 'default/b' repeats a match that HTTPRoute 'default/a' rules[0] declares first", d.Message);
        Assert.Equal("hostname 'a.com' on listener 'http'", d.Hint);
    }

    [Fact]
    public void CheckMatchPrecedence_RepeatedRuleInOneRoute_WarnsLaterRule()
    {
        var c = Checked.Run(Snippets.GatewayAndService + Route("a", "a.com", SecondOrder + "\n" + FirstOrder));
        Assert.Contains("rules[0]", c.Single("MC0314", "path:\n        type: PathPrefix").Message);
    }

    [Fact]
    public void CheckMatchPrecedence_DifferentHosts_NoWarning()
    {
        var c = Checked.Run(Snippets.GatewayAndService + Route("b", "b.com", FirstOrder) + Route("a", "a.com", SecondOrder));
        Assert.Empty(c.WithCode("MC0314"));
    }

    [Fact]
    public void CheckMatchPrecedence_TwoCatchAllRules_WarnsAtRule()
    {
        const string catchAll = "  - backendRefs:\n    - name: web\n      port: 8080";
        var c = Checked.Run(Snippets.GatewayAndService + Route("a", "a.com", catchAll) + Route("b", "a.com", catchAll.Replace("- backendRefs", "- name: second\n    backendRefs")));
        c.Single("MC0314", "name: second");
    }
}
