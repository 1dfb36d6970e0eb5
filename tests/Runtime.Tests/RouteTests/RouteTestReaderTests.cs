using Meshc.Compiler.Diagnostics;
using Meshc.Runtime.RouteTests;

namespace Meshc.Runtime.Tests.RouteTests;

/// <summary>
/// The test file reader: router_check_tool's schema strictly, every problem a diagnostic at its line and column, and a
/// file with errors gives no tests (MC0101, MC0560, MC0561, MC0564).
/// </summary>
public sealed class RouteTestReaderTests
{
    private static (RouteTestFile? File, string[] Lines) Read(string yaml)
    {
        var bag = new DiagnosticBag();
        var file = RouteTestReader.Read("t.yaml", yaml, bag);
        return (file, bag.ToImmutableSorted().Select(d => d.ToString()).ToArray());
    }

    [Fact]
    public void FullSchema_ReadsEveryField()
    {
        var (file, lines) = Read("""
            route_config: rc
            tests:
              - test_name: all
                input:
                  authority: a.example.com
                  path: /x?y=1
                  method: POST
                  random_value: 18446744073709551615
                  ssl: true
                  internal: true
                  additional_request_headers: [{key: X-A, value: "1"}]
                  additional_response_headers: [{key: x-b, value: "2"}]
                  listener: l
                validate:
                  cluster_name: c
                  virtual_cluster_name: ""
                  virtual_host_name: vh
                  host_rewrite: h
                  path_rewrite: /p
                  path_redirect: ""
                  code_redirect: 0
                  request_header_matches: [{name: x-a, string_match: {exact: "1"}}]
                  response_header_matches: [{name: x-b, present_match: true}]
            """);
        Assert.Empty(lines);
        var test = Assert.Single(file!.Tests);
        Assert.Equal(new RouteTargetRef(RouteTargetKind.RouteConfig, "rc", new("t.yaml", 1, 15)), file.Target);
        Assert.Equal(RouteTargetKind.Listener, test.Input.Target!.Kind);
        Assert.Equal((ulong.MaxValue, true, true, "x-a"), (test.Input.RandomValue, test.Input.Ssl, test.Input.Internal, test.Input.RequestHeaders[0].Key));
        Assert.Equal(9, test.Checks.Count);
        Assert.Equal(new ValueCheck(RouteValueKind.CodeRedirect, "0", new("t.yaml", 21, 22)), test.Checks.OfType<ValueCheck>().Last());
    }

    [Fact]
    public void LowerCamelCase_IsTheSameSchema()
    {
        var (file, lines) = Read("""
            tests:
              - testName: camel
                input: {authority: a, path: /, method: GET, randomValue: 3, additionalRequestHeaders: [{key: k, value: v}]}
                validate: {clusterName: c, pathRewrite: /}
            """);
        Assert.Empty(lines);
        Assert.Equal(3UL, file!.Tests[0].Input.RandomValue);
        Assert.Equal(2, file.Tests[0].Checks.Count);
    }

    [Fact]
    public void SchemaProblems_AreReportedWhereTheyAre_AndNoTestsRun()
    {
        var (file, lines) = Read("""
            tests:
              - test_name: ""
                input: {authority: a, path: /, method: GE, random_value: -1, ssl: yes}
                validate: {clustr_name: c, path_rewrite: , code_redirect: abc}
              - test_name: no validate
                input: {authority: a, path: /}
            """);
        Assert.Null(file);
        Assert.Equal([
            "t.yaml:2:16: error MC0560: route test file: 'test_name' in a test must not be empty",
            "t.yaml:3:44: error MC0560: route test file: 'method' in the input of a test needs at least 3 characters",
            "t.yaml:3:62: error MC0560: route test file: 'random_value' in the input of a test must be a whole number from 0 to 18446744073709551615",
            "t.yaml:3:71: error MC0560: route test file: 'ssl' in the input of a test must be true or false",
            "t.yaml:4:16: error MC0560: route test file: unknown field 'clustr_name' in the validate of a test (did you mean 'cluster_name'?)",
            "t.yaml:4:46: error MC0560: route test file: 'path_rewrite' in the validate of a test must be a string (write \"\" for an empty one)",
            "t.yaml:4:63: error MC0560: route test file: 'code_redirect' in the validate of a test must be a whole number from 0 to 4294967295",
            "t.yaml:5:5: error MC0560: route test file: a test needs 'validate'",
            "t.yaml:6:12: error MC0560: route test file: the input of test 'no validate' needs 'method'",
        ], lines);
    }

    [Fact]
    public void ValidateThatChecksNothing_IsAnError()
    {
        var (file, lines) = Read("tests:\n  - test_name: empty\n    input: {authority: a, path: /, method: GET}\n    validate: {}\n");
        Assert.Null(file);
        Assert.Equal(["t.yaml:4:15: error MC0560: route test file: the validate of test 'empty' checks nothing; give at least one of cluster_name, " +
                      "virtual_cluster_name, virtual_host_name, host_rewrite, path_rewrite, path_redirect, code_redirect or a header check"], lines);
    }

    [Fact]
    public void NotATestFile_OrBadYaml_IsOneDiagnostic()
    {
        Assert.Equal(["t.yaml:1:1: error MC0560: route test file: a route test file is one mapping with a 'tests' list (router_check_tool's schema)"], Read("- a\n- b\n").Lines);
        var syntax = Assert.Single(Read("tests: [\n").Lines);
        Assert.StartsWith("t.yaml:", syntax);
        Assert.Contains("error MC0101", syntax);
        Assert.Equal(["t.yaml:1:1: error MC0560: route test file: the test file needs 'tests'"], Read("gateway: a/b\n").Lines);
    }

    [Fact]
    public void RuntimeAndDynamicMetadata_AreRefused_NotIgnored()
    {
        var (file, lines) = Read("""
            runtime: {a: 1}
            tests:
              - test_name: r
                input: {authority: a, path: /, method: GET, runtime: x, dynamic_metadata: []}
                validate: {cluster_name: c}
            """);
        Assert.Null(file);
        Assert.Equal([
            "t.yaml:1:1: error MC0561: 'runtime' is not supported by meshc test: meshc's router does not evaluate runtime_fraction, so there is no runtime to set",
            "t.yaml:4:49: error MC0561: 'runtime' is not supported by meshc test: meshc's router does not evaluate runtime_fraction",
            "t.yaml:4:61: error MC0561: 'dynamic_metadata' is not supported by meshc test: meshc's router has no dynamic metadata matchers",
        ], lines);
    }

    [Fact]
    public void DeprecatedHeaderFields_WarnButStillCheck()
    {
        var (file, lines) = Read("""
            tests:
              - test_name: old
                input: {authority: a, path: /, method: GET}
                validate:
                  request_header_fields: [{key: X-A, value: "1"}]
            """);
        Assert.Equal(["t.yaml:5:7: warning MC0564: 'request_header_fields' is deprecated in router_check_tool's schema; use 'request_header_matches'"], lines);
        var check = Assert.IsType<HeaderFieldCheck>(Assert.Single(file!.Tests[0].Checks));
        Assert.Equal(("x-a", "1"), (check.Key, check.Value));
    }

    [Fact]
    public void HeaderMatcher_IsReadAsEnvoyReadsIt()
    {
        var (file, lines) = Read("""
            tests:
              - test_name: h
                input: {authority: a, path: /, method: GET}
                validate:
                  request_header_matches:
                    - {name: x, range_match: {start: 1, end: 5}, invert_match: true}
                    - {name: y, string_match: {exakt: z}}
                    - {present_match: true}
            """);
        Assert.Null(file);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("t.yaml:7:11: error MC0560: route test file: an entry of 'request_header_matches' is not an Envoy HeaderMatcher: ", lines[0]);
        Assert.Contains("exakt", lines[0]);
        Assert.Equal("t.yaml:8:11: error MC0560: route test file: an entry of 'request_header_matches' needs 'name', the header to check", lines[1]);
    }

    [Fact]
    public void TwoTargets_InOneMapping_AreAnError()
    {
        var (_, lines) = Read("gateway: a/b\nlistener: l\ntests:\n  - test_name: t\n    input: {authority: a, path: /, method: GET}\n    validate: {cluster_name: c}\n");
        Assert.Equal(["t.yaml:2:11: error MC0560: route test file: the test file names its route table twice ('gateway' and 'listener'); give one of gateway, service, listener, route_config"], lines);
    }
}
