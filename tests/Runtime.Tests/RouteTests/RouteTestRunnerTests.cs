using Meshc.Compiler.Diagnostics;
using Meshc.Runtime.Model;
using Meshc.Runtime.RouteTests;
using Meshc.Runtime.Tests.Support;

namespace Meshc.Runtime.Tests.RouteTests;

/// <summary>
/// What a route test observes, against router_check_tool's semantics: the weighted pick by <c>random_value % total</c>,
/// rewrites and header edits as they go upstream, redirects and direct responses, route tables named by Gateway,
/// Service, listener or route configuration, and coverage that only passing checks on matched routes earn.
/// </summary>
public sealed class RouteTestRunnerTests
{
    private static readonly Lazy<RuntimeSnapshot> Echo = new(() => RuntimeHarness.Compile("gateway-echo", "gateway-redirects"));
    private static readonly Lazy<RuntimeSnapshot> Canary = new(() => RuntimeHarness.Compile("bookstore-canary"));

    private const string Echo1 = "default/cilium-gateway-my-example-gateway/default:echo-1:8080";
    private const string Echo2 = "default/cilium-gateway-my-example-gateway/default:echo-2:8080";

    private static (RouteTestRun? Run, string[] Diagnostics) Run(RuntimeSnapshot snapshot, string yaml)
    {
        var bag = new DiagnosticBag();
        var file = RouteTestReader.Read("t.yaml", yaml, bag);
        Assert.True(file is not null, string.Join("\n", bag.ToImmutableSorted()));
        var run = RouteTestRunner.Run(snapshot, [file], bag);
        return (run, bag.ToImmutableSorted().Select(d => d.ToString()).ToArray());
    }

    private static RouteTestRun Passing(RuntimeSnapshot snapshot, string yaml)
    {
        var (run, diagnostics) = Run(snapshot, yaml);
        Assert.Empty(diagnostics);
        var failures = run!.Results.SelectMany(r => r.Failures.Select(f => $"{r.Test.Name}: {f.Message}")).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        return run;
    }

    private static RuntimeSnapshot Compile(params string[] inputs)
    {
        var bag = new DiagnosticBag();
        var result = Meshc.Compiler.Compilation.Create(Meshc.Compiler.FrontEnds.SourceLoader.Load(inputs, bag)).Emit();
        Assert.True(result.Bundle is not null, string.Join("\n", result.Diagnostics));
        var (verified, error) = VerifiedBundle.FromFiles("test", result.Bundle.Files.ToDictionary(f => f.Path, f => f.Content));
        Assert.True(verified is not null, error);
        return verified.Snapshot;
    }

    private static string Cluster(RuntimeSnapshot snapshot, ulong random)
    {
        var target = new RouteTargets(snapshot).Resolve(new RouteTargetRef(RouteTargetKind.Gateway, "default/my-example-gateway", default), default, new DiagnosticBag())!;
        return RouteObservation.Of(target, new RouteTestInput("a", "/echo", "GET", random, false, false, [], [], null)).Value(RouteValueKind.ClusterName);
    }

    [Theory]
    [InlineData(0UL, Echo1)]
    [InlineData(89UL, Echo1)]
    [InlineData(90UL, Echo2)]
    [InlineData(99UL, Echo2)]
    [InlineData(100UL, Echo1)]
    [InlineData(190UL, Echo2)]
    [InlineData(18446744073709551615UL, Echo1)] // 2^64 - 1 leaves 15 over a multiple of 100
    public void RandomValue_PicksTheWeightedCluster_AsEnvoysToolDoes(ulong random, string expected)
    {
        // Envoy: selected = random_value % total_weight, then the first cluster whose cumulative weight exceeds it.
        Assert.Equal(expected, Cluster(Echo.Value, random));
    }

    [Fact]
    public void Redirect_HasNoRouteEntryValues_AndForwardHasNoRedirect()
    {
        var run = Passing(Echo.Value, """
            gateway: default/my-example-gateway
            tests:
              - test_name: redirect
                input: {authority: a.example.com, path: /original-prefix, method: GET}
                validate: {cluster_name: "", virtual_host_name: "", path_rewrite: "", host_rewrite: "", path_redirect: "http://a.example.com/replacement-prefix", code_redirect: 302}
              - test_name: forward
                input: {authority: a.example.com, path: /echo, method: GET}
                validate: {path_redirect: "", code_redirect: 0, virtual_host_name: "default/cilium-gateway-my-example-gateway/*"}
              - test_name: no route
                input: {authority: a.example.com, path: /nothing, method: GET}
                validate: {cluster_name: "", virtual_host_name: "", path_redirect: "", code_redirect: 0}
            """);
        var units = run.Coverage.Report(comprehensive: false).Units;
        // The redirect is covered by its path and code; "" on a route that forwards covers its route entry fields only
        // where they matched a route (virtual_host_name here); the no-route test covers nothing.
        Assert.Equal([true, false, false, true, false], units.Select(u => u.Hit));
    }

    [Fact]
    public void Rewrites_AndHeaderEdits_AreSeenAsTheyGoUpstream()
    {
        using var folder = new RouteTestCli();
        var route = folder.Write("route.yaml", """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: rewrite, namespace: default}
            spec:
              parentRefs: [{name: gw}]
              rules:
                - matches: [{path: {type: PathPrefix, value: /old}}]
                  filters:
                    - type: URLRewrite
                      urlRewrite: {hostname: internal.example.com, path: {type: ReplacePrefixMatch, replacePrefixMatch: /new}}
                    - type: RequestHeaderModifier
                      requestHeaderModifier: {set: [{name: x-env, value: prod}], add: [{name: x-trace, value: "on"}], remove: [x-debug]}
                    - type: ResponseHeaderModifier
                      responseHeaderModifier: {set: [{name: x-served-by, value: meshc}]}
                  backendRefs: [{name: echo-1, port: 8080}]
            """);
        var snapshot = Compile(route, Path.Combine(RuntimeHarness.RepoRoot, "tests/golden/fixtures/basic-gateway"));
        Passing(snapshot, """
            gateway: default/gw
            tests:
              - test_name: rewritten
                input:
                  authority: www.example.com
                  path: /old/page?x=1
                  method: GET
                  additional_request_headers: [{key: x-debug, value: "1"}, {key: x-trace, value: a}]
                  additional_response_headers: [{key: x-upstream, value: "yes"}]
                validate:
                  cluster_name: default/cilium-gateway-gw/default:echo-1:8080
                  path_rewrite: /new/page?x=1
                  host_rewrite: internal.example.com
                  request_header_matches:
                    - {name: x-env, string_match: {exact: prod}}
                    - {name: x-trace, string_match: {exact: "a,on"}}
                    - {name: x-debug, present_match: false}
                    - {name: ":path", string_match: {exact: "/new/page?x=1"}}
                    - {name: ":authority", string_match: {exact: internal.example.com}}
                  response_header_matches:
                    - {name: x-served-by, string_match: {exact: meshc}}
                    - {name: x-upstream, present_match: true}
            """);
    }

    [Fact]
    public void HeaderMatchFailure_SaysWhatWasThere()
    {
        var (run, _) = Run(Echo.Value, """
            gateway: default/my-example-gateway
            tests:
              - test_name: headers
                input: {authority: a, path: /echo, method: GET, ssl: true, internal: true}
                validate:
                  request_header_matches:
                    - {name: x-forwarded-proto, string_match: {exact: http}}
                    - {name: x-envoy-internal, present_match: true, invert_match: true}
                    - {name: x-forwarded-proto, string_match: {prefix: ht}}
            """);
        Assert.Equal([
            "expected: [x-forwarded-proto: http], actual: [x-forwarded-proto: https], test type: request_header_matches.string_match.exact",
            "expected: [has(x-envoy-internal):false], actual: [has(x-envoy-internal):true], test type: request_header_matches.present_match",
        ], run!.Results.Single().Failures.Select(f => f.Message));
    }

    [Fact]
    public void ServiceTarget_RoutesThroughTheClaimedServicesListener()
    {
        Passing(Canary.Value, """
            service: default/bookstore
            tests:
              - test_name: v1 for the first 90
                input: {authority: bookstore, path: /books, method: GET, random_value: 0}
                validate: {cluster_name: default/bookstore-v1, virtual_host_name: default/bookstore-canary/bookstore-vh}
              - test_name: v2 for the last 10
                input: {authority: bookstore, path: /books, method: GET, random_value: 99}
                validate: {cluster_name: default/bookstore-v2}
              - test_name: the route configuration by name
                input: {authority: bookstore, path: /, method: GET, route_config: default/bookstore-canary/bookstore-route}
                validate: {cluster_name: default/bookstore-v1}
            """);
    }

    [Fact]
    public void UnknownOrMissingTarget_IsReportedWithWhatExists()
    {
        var (run, diagnostics) = Run(Echo.Value, """
            tests:
              - test_name: none
                input: {authority: a, path: /, method: GET}
                validate: {cluster_name: ""}
              - test_name: wrong
                input: {authority: a, path: /, method: GET, gateway: default/nope}
                validate: {cluster_name: ""}
            """);
        Assert.Null(run);
        Assert.Equal([
            "t.yaml:2:5: error MC0563: the bundle has 2 route configurations and this test names none of them; add one of gateway, service, listener or route_config to the test's input or to the top of the file (gateways: default/cilium-gw, default/my-example-gateway)",
            "t.yaml:6:58: error MC0562: gateway 'default/nope' is not in the bundle; it has default/cilium-gw, default/my-example-gateway",
        ], diagnostics);
    }

    [Fact]
    public void Covall_CountsTheShareOfFieldsChecked()
    {
        var run = Passing(Echo.Value, """
            gateway: default/my-example-gateway
            tests:
              - test_name: echo-1, two of five fields
                input: {authority: a, path: /echo, method: GET}
                validate: {cluster_name: default/cilium-gateway-my-example-gateway/default:echo-1:8080, path_rewrite: /echo}
              - test_name: redirect, one of two fields
                input: {authority: a, path: /original-prefix, method: GET}
                validate: {code_redirect: 302}
            """);
        var all = run.Coverage.Report(comprehensive: true);
        Assert.Equal([0.5, 0, 0, 0.4, 0], all.Units.Select(u => u.Score));
        Assert.Equal(18, all.Percent, precision: 6); // (0.5 + 0.4) / 5
        Assert.Equal(40, run.Coverage.Report(comprehensive: false).Percent, precision: 6);
    }

    [Fact]
    public void FailedChecks_CoverNothing()
    {
        var (run, _) = Run(Echo.Value, """
            gateway: default/my-example-gateway
            tests:
              - test_name: wrong
                input: {authority: a, path: /echo, method: GET}
                validate: {cluster_name: nope}
            """);
        Assert.Equal(0, run!.Coverage.Report(comprehensive: false).Percent);
    }
}
