using System.Xml.Linq;

namespace Meshc.Runtime.Tests.RouteTests;

/// <summary>
/// <c>meshc test</c> end to end: the bundled example's test file passes with full coverage, a wrong expectation fails
/// at its line and column with expected and actual, JUnit XML records both, and the exit codes are meshc's.
/// </summary>
public sealed class RouteTestCommandTests : IDisposable
{
    private readonly RouteTestCli _cli = new();

    private static readonly string EchoTests = RouteTestCli.Example("route-tests/gateway-echo.yaml");

    private static readonly string[] EchoInputs = [RouteTestCli.Example("gateway-echo"), RouteTestCli.Example("gateway-redirects")];

    [Fact]
    public void BundledExample_Passes_WithFullCoverage_AndJUnit()
    {
        var junit = _cli.PathOf("results.xml");
        var (exit, stdout, stderr) = RouteTestCli.Run([.. EchoInputs, "-t", EchoTests, "--coverage", "--fail-under", "100", "--junit", junit]);
        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("6 tests: 6 passed, 0 failed", stdout);
        Assert.Contains("route configuration default/cilium-gateway-my-example-gateway/listener-insecure: 5 of 5 routes hit", stdout);
        Assert.Contains("Current route coverage: 100% (5 of 5 routes hit)", stdout);
        Assert.DoesNotContain("MISS", stdout);
        var suites = XDocument.Load(junit).Root!;
        Assert.Equal("6", suites.Attribute("tests")!.Value);
        Assert.Equal("0", suites.Attribute("failures")!.Value);
        Assert.Equal(6, suites.Descendants("testcase").Count());
        Assert.Empty(suites.Descendants("failure"));
        Assert.Equal("100%", suites.Descendants("property").Single(p => p.Attribute("name")!.Value == "route-coverage").Attribute("value")!.Value);
    }

    [Fact]
    public void BundleFolder_AndCompiledInputs_GiveTheSameResults()
    {
        var bundle = _cli.PathOf("bundle");
        var compiled = Meshc.Compiler.Compilation.Create(Meshc.Compiler.FrontEnds.SourceLoader.Load(EchoInputs, new Meshc.Compiler.Diagnostics.DiagnosticBag())).Emit();
        Meshc.Compiler.Bundle.BundleWriter.Write(compiled.Bundle!, bundle);
        var fromFolder = RouteTestCli.Run(bundle, "-t", EchoTests, "--coverage", "-d");
        var fromInputs = RouteTestCli.Run([.. EchoInputs, "-t", EchoTests, "--coverage", "-d"]);
        Assert.Equal(0, fromFolder.Exit);
        Assert.Equal(fromInputs.Out, fromFolder.Out);
    }

    [Fact]
    public void WrongExpectation_FailsAtItsPosition_WithExpectedAndActual()
    {
        var tests = _cli.Write("wrong.yaml", """
            gateway: default/my-example-gateway
            tests:
              - test_name: echo-2 is not echo-1
                input: {authority: a.example.com, path: /echo, method: GET, random_value: 95}
                validate:
                  cluster_name: default/cilium-gateway-my-example-gateway/default:echo-1:8080
                  path_rewrite: /echo
              - test_name: passes
                input: {authority: a.example.com, path: /echo, method: GET}
                validate: {path_rewrite: /echo}
            """);
        var junit = _cli.PathOf("results.xml");
        var (exit, stdout, _) = RouteTestCli.Run([.. EchoInputs, "-t", tests, "--junit", junit]);
        Assert.Equal(1, exit);
        Assert.Contains($"{tests}:3:5: FAIL echo-2 is not echo-1 (routed through gateway default/my-example-gateway, listener default/cilium-gateway-my-example-gateway/listener)", stdout);
        Assert.Contains($"{tests}:6:21: expected: [default/cilium-gateway-my-example-gateway/default:echo-1:8080], " +
                        "actual: [default/cilium-gateway-my-example-gateway/default:echo-2:8080], test type: cluster_name", stdout);
        Assert.DoesNotContain("test type: path_rewrite", stdout);
        Assert.Contains("2 tests: 1 passed, 1 failed", stdout);
        var failure = Assert.Single(XDocument.Load(junit).Descendants("failure"));
        Assert.Equal("cluster_name", failure.Attribute("type")!.Value);
        Assert.Equal("echo-2 is not echo-1", failure.Parent!.Attribute("name")!.Value);
        Assert.Equal("3", failure.Parent!.Attribute("line")!.Value);
    }

    [Fact]
    public void FailUnder_AboveTheCoverage_Exits1_AndSaysSo()
    {
        var tests = _cli.Write("half.yaml", """
            gateway: default/my-example-gateway
            tests:
              - test_name: only echo-1
                input: {authority: a.example.com, path: /echo, method: GET}
                validate: {cluster_name: default/cilium-gateway-my-example-gateway/default:echo-1:8080}
            """);
        var (exit, stdout, _) = RouteTestCli.Run([.. EchoInputs, "-t", tests, "-f", "50", "--coverage"]);
        Assert.Equal(1, exit);
        Assert.Contains("1 test: 1 passed, 0 failed", stdout);
        Assert.Contains("Current route coverage: 20% (1 of 5 routes hit)", stdout);
        Assert.Contains("Failed to meet coverage requirement: 50%", stdout);
        Assert.Contains("MISS default/cilium-gateway-my-example-gateway/* route 3: path_separated_prefix /echo → default/cilium-gateway-my-example-gateway/default:echo-2:8080 (weight 10)", stdout);
        Assert.Equal(0, RouteTestCli.Run([.. EchoInputs, "-t", tests, "-f", "20"]).Exit);
    }

    [Theory]
    [InlineData("--frob")]
    [InlineData("--fail-under", "x")]
    [InlineData("--fail-under", "101")]
    [InlineData("-t")]
    public void UsageErrors_Exit2_WithUsage(params string[] extra)
    {
        var (exit, _, stderr) = RouteTestCli.Run([.. EchoInputs, "-t", EchoTests, .. extra]);
        Assert.Equal(2, exit);
        Assert.StartsWith("meshc test: ", stderr);
        Assert.Contains("usage: meshc test", stderr);
        Assert.DoesNotContain("Exception", stderr);
    }

    [Fact]
    public void MissingTestFile_OrNoTestFile_Exits2()
    {
        var (exit, _, stderr) = RouteTestCli.Run([.. EchoInputs, "-t", _cli.PathOf("absent.yaml")]);
        Assert.Equal(2, exit);
        Assert.Contains("error MC0501", stderr);
        Assert.Equal(2, RouteTestCli.Run(EchoInputs).Exit);
    }

    [Fact]
    public void Help_Exits0_AndListsTheOptions()
    {
        var (exit, stdout, _) = RouteTestCli.Run("--help");
        Assert.Equal(0, exit);
        foreach (var option in new[] { "--tests", "--details", "--coverage", "--covall", "--fail-under", "--junit" }) Assert.Contains(option, stdout);
    }

    [Fact]
    public void InputErrors_Exit1_WithoutRunningTests()
    {
        var broken = _cli.Write("broken.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: x\n");
        var (exit, stdout, stderr) = RouteTestCli.Run(broken, "-t", EchoTests);
        Assert.Equal(1, exit);
        Assert.Contains("error MC0101", stderr);
        Assert.DoesNotContain("tests:", stdout);
    }

    public void Dispose() => _cli.Dispose();
}
