using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Tests.Passes;

public class CheckRouteFiltersTests
{
    /// <summary>A route whose one rule has <paramref name="matches"/>, <paramref name="filters"/> and optionally a backend.</summary>
    private static Checked Run(string filters, string matches = "", bool backend = false)
    {
        var backendRefs = backend ? "    backendRefs:\n    - name: web\n      port: 8080\n" : "";
        var matchBlock = matches.Length > 0 ? $"    matches:\n{matches}\n" : "";
        return Checked.Run(Snippets.GatewayAndService + $"""
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: r
              namespace: default
            spec:
              parentRefs:
              - name: gw
              rules:
              - filters:
            {filters}
            {matchBlock}{backendRefs}
            """);
    }

    [Fact]
    public void CheckRouteFilters_RedirectBadSchemeAndCode_ReportsMC0308Twice()
    {
        var c = Run("    - type: RequestRedirect\n      requestRedirect:\n        scheme: ftp\n        statusCode: 305");
        var found = c.WithCode("MC0308");
        Assert.Equal(2, found.Count);
        Assert.All(found, d => Assert.Equal(c.At("type: RequestRedirect"), d.Location.ToString()));
        Assert.Contains(found, d => d.Message.Contains("scheme 'ftp'"));
        Assert.Contains(found, d => d.Message.Contains("statusCode 305"));
        ConditionAssert.Is(c.RouteCondition("r", ConditionType.Accepted), false, ConditionReason.UnsupportedValue);
    }

    [Fact]
    public void CheckRouteFilters_RedirectPrefixWithExactMatch_ReportsMC0308()
    {
        var c = Run("    - type: RequestRedirect\n      requestRedirect:\n        path:\n          type: ReplacePrefixMatch\n          replacePrefixMatch: /new",
            "    - path:\n        type: Exact\n        value: /old");
        Assert.Contains("PathPrefix", c.Single("MC0308", "type: RequestRedirect").Message);
    }

    [Fact]
    public void CheckRouteFilters_RedirectPrefixWithPrefixMatch_IsClean()
    {
        var c = Run("    - type: RequestRedirect\n      requestRedirect:\n        hostname: example.org\n        path:\n          type: ReplacePrefixMatch\n          replacePrefixMatch: /new",
            "    - path:\n        type: PathPrefix\n        value: /old");
        c.Clean();
        Assert.False(c.Attachment("r").Rules[0].AnswersInternalError);
    }

    [Fact]
    public void CheckRouteFilters_RewriteWildcardHostname_ReportsMC0320()
    {
        var c = Run("    - type: URLRewrite\n      urlRewrite:\n        hostname: \"*.example.org\"", backend: true);
        Assert.Contains("wildcard", c.Single("MC0320", "type: URLRewrite").Message);
    }

    [Fact]
    public void CheckRouteFilters_RedirectAndRewrite_ReportsMC0309()
    {
        var c = Run("    - type: RequestRedirect\n      requestRedirect:\n        scheme: https\n    - type: URLRewrite\n      urlRewrite:\n        hostname: a.org");
        Assert.Contains("URLRewrite", c.Single("MC0309", "type: URLRewrite").Message);
    }

    [Fact]
    public void CheckRouteFilters_RedirectWithBackends_ReportsMC0309()
    {
        var c = Run("    - type: RequestRedirect\n      requestRedirect:\n        scheme: https", backend: true);
        Assert.Contains("backendRefs", c.Single("MC0309", "type: RequestRedirect").Message);
    }

    [Fact]
    public void CheckRouteFilters_SameTypeTwice_ReportsMC0309AtSecond()
    {
        var c = Run("    - type: RequestHeaderModifier\n      requestHeaderModifier:\n        remove: [a]\n    - type: RequestHeaderModifier\n      requestHeaderModifier:\n        remove: [b]", backend: true);
        c.Single("MC0309", "type: RequestHeaderModifier\n      requestHeaderModifier:\n        remove: [b]");
    }

    [Fact]
    public void CheckRouteFilters_TwoMirrors_AreAllowed()
    {
        var c = Run("    - type: RequestMirror\n      requestMirror:\n        backendRef:\n          name: web\n          port: 8080\n    - type: RequestMirror\n      requestMirror:\n        backendRef:\n          name: web\n          port: 8080", backend: true);
        c.Clean();
        Assert.Equal(2, c.Attachment("r").Rules[0].Mirrors.Count);
    }

    [Fact]
    public void CheckRouteFilters_SetHostHeader_ReportsMC0315()
    {
        var c = Run("    - type: RequestHeaderModifier\n      requestHeaderModifier:\n        set:\n        - name: Host\n          value: x.org", backend: true);
        c.Single("MC0315", "name: Host");
    }

    [Fact]
    public void CheckRouteFilters_BadHeaderNameInModifier_ReportsMC0307()
    {
        var c = Run("    - type: ResponseHeaderModifier\n      responseHeaderModifier:\n        add:\n        - name: \"x:y\"\n          value: v", backend: true);
        c.Single("MC0307", "name: \"x:y\"");
    }

    [Theory]
    [InlineData("ExtensionRef")]
    [InlineData("ExternalAuth")]
    public void CheckRouteFilters_UnsupportedType_ReportsMC0318AndUnsupportedValue(string type)
    {
        var c = Run($"    - type: {type}", backend: true);
        Assert.Contains(type, c.Single("MC0318", $"type: {type}").Message);
        ConditionAssert.Is(c.RouteCondition("r", ConditionType.Accepted), false, ConditionReason.UnsupportedValue);
    }

    [Fact]
    public void CheckRouteFilters_CorsOnRule_IsClean()
    {
        var c = Run("    - type: CORS\n      cors:\n        allowOrigins: [\"https://*.example.com\"]\n        allowMethods: [GET]", backend: true);
        c.Clean();
        var cors = Assert.IsType<Meshc.Compiler.Ir.CorsFilter>(Assert.Single(c.Attachment("r").Rules[0].Rule.Filters));
        Assert.Equal(["https://*.example.com"], cors.AllowOrigins);
        Assert.Equal(Meshc.Compiler.Ir.CorsFilter.DefaultMaxAge, cors.MaxAge);
        Assert.False(cors.AllowCredentials);
    }

    [Fact]
    public void CheckRouteFilters_CorsWithoutItsField_ReportsMC0318()
    {
        var c = Run("    - type: CORS", backend: true);
        Assert.Contains("CORS", c.Single("MC0318", "type: CORS").Message);
    }

    [Fact]
    public void CheckRouteFilters_MirrorShareAboveOne_ReportsMC0332()
    {
        var c = Run("    - type: RequestMirror\n      requestMirror:\n        fraction:\n          numerator: 5\n          denominator: 4\n        backendRef:\n          name: web\n          port: 8080", backend: true);
        c.Single("MC0332", "type: RequestMirror");
    }

    [Fact]
    public void CheckRouteFilters_RedirectOnGrpcRoute_ReportsMC0318()
    {
        var c = Checked.Run(Snippets.GatewayAndService + """
            apiVersion: gateway.networking.k8s.io/v1
            kind: GRPCRoute
            metadata:
              name: g
              namespace: default
            spec:
              parentRefs:
              - name: gw
              rules:
              - filters:
                - type: RequestRedirect
                  requestRedirect:
                    scheme: https
            """);
        c.Single("MC0318", "type: RequestRedirect");
    }
}
