using Meshc.Compiler.Text;

namespace Meshc.Compiler.Tests.FrontEnds.Dsl;

/// <summary>Mistakes in meaning go through the same catalog as the YAML front end's, with DSL positions and hints.</summary>
public sealed class DslSemanticErrorTests
{
    private const string Bookstore = """
        service bookstore port 8080
        service bookstore-v1 port 8080

        """;

    /// <summary>The one diagnostic of the DSL front end alone (reference checks belong to the shared passes).</summary>
    private static string Only(string text) => Assert.Single(DslTesting.Read(text).Diagnostics).ToString();

    [Fact]
    public void Read_RouteDeclaredTwice_ReportsMC0170AtTheSecond()
    {
        Assert.Equal("test.dsl:2:1: error MC0170: route 'default/r' is declared twice; the first declaration is at test.dsl:1:1",
            Only("route r on gw { rule to a:80 }\nroute r on gw { rule to b:80 }\n"));
    }

    [Fact]
    public void Check_ServiceRouteToUnknownService_IsReportedAtTheDslBackendWithSuggestion()
    {
        var result = DslTesting.Check(Bookstore + "route c on service bookstore:8080 {\n  rule / to bookstore-v1:8080 90, bookstore-v2:8080 10\n}\n");

        var error = Assert.Single(result.Diagnostics, d => d.Severity == Meshc.Compiler.Diagnostics.Severity.Error);
        Assert.Equal(("MC0201", 4, 35, "did you mean 'bookstore-v1'?"), (error.Code.Value, error.Location.Line, error.Location.Column, error.Hint));
    }

    [Fact]
    public void Check_RouteOnUnknownService_IsReportedAtTheParentWithSuggestion()
    {
        var result = DslTesting.Check(Bookstore + "route c on service bookstor { rule to bookstore-v1:8080 }\n");

        var error = Assert.Single(result.Diagnostics, d => d.Severity == Meshc.Compiler.Diagnostics.Severity.Error);
        Assert.Equal(("MC0280", 3, 12, "did you mean 'bookstore'?"), (error.Code.Value, error.Location.Line, error.Location.Column, error.Hint));
    }

    [Fact]
    public void Read_RouteOnGatewayAndService_ReportsMC0173()
    {
        Assert.Contains("MC0173", Only(Bookstore + "route c on gw, service bookstore { rule to bookstore-v1 }\n"));
    }

    [Fact]
    public void Read_SecondServiceRouteForOneService_ReportsMC0174()
    {
        var text = Bookstore + "route a on service bookstore { rule to bookstore-v1 }\nroute b on service bookstore { rule to bookstore-v1 }\n";
        Assert.Equal("test.dsl:4:12: error MC0174: Service 'default/bookstore' already has the service route 'a' (at test.dsl:3:12); one service route per Service",
            Only(text));
    }

    [Theory]
    [InlineData("route r on gw { rule to a:80 retry 2 on 5xx }", "MC0171")]
    [InlineData("route r on gw { rule to a:80 clusters lb random }", "MC0171")]
    [InlineData("service a port 80\nroute r on service a { rule to a timeout backend 2s }", "MC0172")]
    [InlineData("route g on service a { rule to a:80 timeout backend 1s }", "MC0172")]
    [InlineData("route r on service a { rule / to a:80 retry 1 on 5xx\n rule /b to a:80 retry 1 on reset }", "MC0180")]
    [InlineData("route r on service a { rule to a:80 retry on 5xxx }", "MC0179")]
    [InlineData("policy p { deny from app=x http GET }", "MC0176")]
    [InlineData("namespace a { namespace b { } }", "MC0175")]
    [InlineData("route r on gw { rule to a:80 timeout }", "MC0177")]
    [InlineData("gateway g { listener l htp 80 }", "MC0179")]
    [InlineData("route r on gw { rule to a:80 timeout 1d }", "MC0154")]
    [InlineData("route r on gw { rule to a:80 timeout 123456s }", "MC0316")]
    [InlineData("service a port 80\nroute r on service a { rule to a clusters outlier local-failure 2 }", "MC0179")]
    [InlineData("import \"missing.dsl\"", "MC0501")]
    public void Read_Mistake_ReportsItsCode(string text, string code)
    {
        var (_, diagnostics) = DslTesting.Read(text);
        Assert.True(diagnostics.Any(d => d.Code.Value == code), DslTesting.Printed(diagnostics));
    }

    [Fact]
    public void Read_ImportOfAGivenSource_ReadsItOnce()
    {
        var result = DslTesting.Check(new SourceText("a.dsl", "import \"b.dsl\"\nservice a port 80\n"), new SourceText("b.dsl", "service b port 80\n"));

        Assert.False(result.HasErrors, DslTesting.Printed(result));
        Assert.Equal(["a", "b"], result.Model.Services.Select(s => s.Meta.Name));
    }
}
