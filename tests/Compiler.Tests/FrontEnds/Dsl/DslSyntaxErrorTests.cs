namespace Meshc.Compiler.Tests.FrontEnds.Dsl;

/// <summary>Syntax errors are first class: every one is reported, at its position, in words, with "did you mean".</summary>
public sealed class DslSyntaxErrorTests
{
    [Fact]
    public void Check_FileWithThreeMistakes_ReportsAllThreeAtTheirPositions()
    {
        const string text = """
            gateway gw {
              listener web http 80
              listener alt htp 8080
            }
            service echo port 8080 endpoints 10.0.0.1 selct app=echo
            route r on gw {
              rule /echo to echo:8080 2000000
            }
            """;

        var result = DslTesting.Check(text);

        Assert.Equal(
            [
                "test.dsl:3:16: error MC0179: listener protocol 'htp' is not valid: use http, https, tls, tcp or udp (did you mean 'http'?)",
                "test.dsl:5:43: error MC0154: unexpected 'selct'; expected a statement (import, namespace, gateway-class, gateway, service, route, grpc-route, tls-route, workload, policy, secret, config-map, grant, backend-tls) or the end of the file (did you mean 'select'?)",
                "test.dsl:7:27: error MC0304: weight 2000000 is outside 0…1,000,000",
            ],
            result.Diagnostics.Where(d => d.Severity == Meshc.Compiler.Diagnostics.Severity.Error).Select(d => d.ToString()));
    }

    [Fact]
    public void Read_BrokenClause_DropsOnlyThatClause()
    {
        var (model, diagnostics) = DslTesting.Read("gateway gw {\n  listener web http\n  listener alt http 81\n}\n");

        Assert.Equal("test.dsl:3:3: error MC0153: missing a number before 'listener'", Assert.Single(diagnostics).ToString());
        Assert.Equal(["alt"], Assert.Single(model.Gateways).Listeners.Select(l => l.Name));
    }

    [Fact]
    public void Parse_MisspelledActionAfterAPath_SuggestsTheKeyword()
    {
        var (_, diagnostics) = DslTesting.Read("route r on gw {\n  rule /echo too echo:8080\n}\n");

        var error = Assert.Single(diagnostics);
        Assert.Equal("MC0154", error.Code.Value);
        Assert.Equal((2, 14), (error.Location.Line, error.Location.Column));
        Assert.Equal("did you mean 'to'?", error.Hint);
    }

    [Fact]
    public void Parse_MisspelledClauseInServiceBlock_SaysWhichClausesFit()
    {
        var (_, diagnostics) = DslTesting.Read("service a {\n  prot 80\n}\n");

        var error = Assert.Single(diagnostics);
        Assert.Equal("test.dsl:2:3: error MC0150: expected labels, annotations, port, select, type, ip, endpoints or '}', found 'prot' (did you mean 'port'?)", error.ToString());
    }

    [Fact]
    public void Parse_UnclosedBlock_ReportsTheMissingBraceAtTheEnd()
    {
        var (_, diagnostics) = DslTesting.Read("route r on gw {\n  rule /a to x:80\n");

        Assert.Equal(["test.dsl:3:1: error MC0153: missing '}' before the end of the file"], diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Lex_UnterminatedStringAndStrayCharacter_AreReportedAndTheRestStillParses()
    {
        var (_, diagnostics) = DslTesting.Read("service a port 80 labels team=\"shop\nservice b port 81 @\nservice c port 99999\n");

        Assert.Equal(
            [
                "test.dsl:1:31: error MC0151: this string has no closing quote on its line",
                "test.dsl:2:19: error MC0152: unexpected character '@'",
                "test.dsl:3:16: error MC0179: service port '99999' is not valid: use a number from 1 to 65535",
            ],
            diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Parse_KeywordAsName_IsAName()
    {
        var result = DslTesting.Check("gateway gateway { listener http http 80 }\nservice route port 80\nroute backend on gateway { rule to route:80 }\n");

        Assert.False(result.HasErrors, DslTesting.Printed(result));
        Assert.Equal("route", Assert.Single(result.Model.Services).Meta.Name);
        Assert.Equal("backend", Assert.Single(result.Model.Routes).Meta.Name);
    }
}
