using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.FrontEnds.Yaml;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Tests.FrontEnds.Yaml;

/// <summary>Schema violations become MC0102 at the exact line:col, in words a user understands.</summary>
public sealed class SchemaCheckTests
{
    private const string Route = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: r
        spec:
          parentRefs:
          - name: gw
          rules:
          - matches:
            - path:
                type: PathPrefix
                value: /echo
            backendRefs:
            - name: echo-1
              port: 8080
              weight: 50

        """;

    /// <summary>The printed diagnostics of checking every object in <paramref name="yaml"/>.</summary>
    internal static List<string> Check(string yaml)
    {
        var diagnostics = new DiagnosticBag();
        foreach (var obj in YamlSourceReader.Read(new SourceText("t.yaml", yaml), diagnostics))
            SchemaCheck.Check(obj, diagnostics);
        return [.. diagnostics.ToImmutableSorted().Select(d => d.ToString())];
    }

    [Fact]
    public void SchemaCheck_ValidRoute_ReportsNothing() => Assert.Empty(Check(Route));

    [Fact]
    public void SchemaCheck_NegativeWeight_ReportsMinimumAtValue()
    {
        var found = Check(Route.Replace("weight: 50", "weight: -1"));
        Assert.Equal(["t.yaml:16:15: error MC0102: HTTPRoute 'r': spec.rules[0].backendRefs[0].weight: -1 is less than the minimum 0"], found);
    }

    [Fact]
    public void SchemaCheck_MisspelledField_ReportsUnknownFieldAtKeyWithSuggestion()
    {
        var found = Check(Route.Replace("backendRefs:", "backendRef:"));
        Assert.Equal(["t.yaml:13:5: error MC0102: HTTPRoute 'r': spec.rules[0]: unknown field 'backendRef' (did you mean 'backendRefs'?)"], found);
    }

    [Fact]
    public void SchemaCheck_WrongType_ReportsExpectedAndActual()
    {
        var found = Check(Route.Replace("port: 8080", "port: \"8080\""));
        Assert.Equal(["t.yaml:15:13: error MC0102: HTTPRoute 'r': spec.rules[0].backendRefs[0].port: expected an integer, got '8080'"], found);
    }

    [Fact]
    public void SchemaCheck_MissingRequiredField_ReportsAtTheObject()
    {
        var found = Check(Route.Replace("- name: echo-1\n", "- kind: Service\n"));
        Assert.Equal(["t.yaml:14:7: error MC0102: HTTPRoute 'r': spec.rules[0].backendRefs[0]: missing required field 'name'"], found);
    }

    [Fact]
    public void SchemaCheck_EnumValueInWrongCase_SuggestsTheAllowedSpelling()
    {
        var found = Check(Route.Replace("type: PathPrefix", "type: pathPrefix"));
        Assert.Equal(
            ["t.yaml:11:15: error MC0102: HTTPRoute 'r': spec.rules[0].matches[0].path.type: 'pathPrefix' is not one of the allowed values: 'Exact', 'PathPrefix' or 'RegularExpression' (did you mean 'PathPrefix'?)"],
            found);
    }

    [Fact]
    public void SchemaCheck_MisspelledTopLevelField_ReportsAtItsKey()
    {
        var found = Check(Route.Replace("spec:", "sepc:"));
        Assert.Contains("t.yaml:5:1: error MC0102: HTTPRoute 'r': unknown field 'sepc' (did you mean 'spec'?)", found);
        Assert.Contains("t.yaml:1:1: error MC0102: HTTPRoute 'r': missing required field 'spec'", found);
    }

    [Fact]
    public void SchemaCheck_ListGivenAsObject_ReportsOneFindingNotACascade()
    {
        var found = Check(Route.Replace("    - name: echo-1\n      port: 8080\n      weight: 50\n", "      name: echo-1\n"));
        Assert.Equal(["t.yaml:14:7: error MC0102: HTTPRoute 'r': spec.rules[0].backendRefs: expected a list, got an object"], found);
    }

    [Fact]
    public void SchemaCheck_InvalidGatewayAddress_ReportsBothAcceptedFormsOnce()
    {
        var found = Check("""
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata:
              name: gw
            spec:
              gatewayClassName: cilium
              addresses:
              - type: IPAddress
                value: 10.0.0.300
              listeners:
              - name: http
                protocol: HTTP
                port: 80

            """);
        Assert.Equal(["t.yaml:9:12: error MC0102: Gateway 'gw': spec.addresses[0].value: '10.0.0.300' is not an IPv4 address or an IPv6 address"], found);
    }

    [Fact]
    public void SchemaCheck_LabelValueNotAString_ReportsTheLabel()
    {
        var found = Check("""
            apiVersion: v1
            kind: Service
            metadata:
              name: echo
              labels:
                app.kubernetes.io/version: 2
            spec:
              ports:
              - port: 80

            """);
        Assert.Equal(["t.yaml:6:32: error MC0102: Service 'echo': metadata.labels['app.kubernetes.io/version']: expected a string, got 2"], found);
    }

    [Fact]
    public void SchemaCheck_ServicePortOutOfRange_ReportsMaximum()
    {
        var found = Check("""
            apiVersion: v1
            kind: Service
            metadata:
              name: echo
            spec:
              ports:
              - port: 70000
                protocl: TCP

            """);
        Assert.Equal(
            [
                "t.yaml:7:11: error MC0102: Service 'echo': spec.ports[0].port: 70000 is greater than the maximum 65535",
                "t.yaml:8:5: error MC0102: Service 'echo': spec.ports[0]: unknown field 'protocl' (did you mean 'protocol'?)",
            ],
            found);
    }

    [Fact]
    public void SchemaCheck_UnknownFieldInOpenPartOfCoreKind_IsAccepted()
    {
        var found = Check("""
            apiVersion: v1
            kind: Service
            metadata:
              name: echo
              uid: 1234
            spec:
              sessionAffinity: ClientIP
              ports:
              - port: 80

            """);
        Assert.Empty(found);
    }

    [Fact]
    public void SchemaCheck_KindWithoutSchema_IsNotChecked()
    {
        var found = Check("""
            apiVersion: gateway.networking.k8s.io/v1alpha2
            kind: GRPCRoute
            metadata:
              name: g
            spec:
              nonsense: 1

            """);
        Assert.Empty(found);
    }
}
