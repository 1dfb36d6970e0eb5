using Meshc.Compiler.BackEnds.Xds;
using Meshc.Compiler.BackEnds.Xds.Gateway;
using static Meshc.Compiler.Tests.BackEnds.Xds.Gateway.EnvoyResources;

namespace Meshc.Compiler.Tests.BackEnds.Xds.Gateway;

/// <summary>The three RequestRedirect rules of the gateway-redirects scenario on my-example-gateway (HTTP :80).</summary>
public class GatewayRedirectsTests
{
    private static CecModel Translate()
    {
        var model = Scenario.Read(
            Scenario.Root + "/gateway-echo/01-echo-workloads.yaml",
            Scenario.Root + "/gateway-echo/02-gateway-and-route-50-50.yaml",
            Scenario.Root + "/gateway-redirects/01-redirect-route.yaml");
        return GatewayTranslator.Translate(Scenario.Bind(model, "my-example-gateway"), CompilationOptions.Default, new Meshc.Compiler.Diagnostics.DiagnosticBag()).Single();
    }

    private static string RouteJson(string prefix) => Json(RouteConfig(Translate(), "listener-insecure").VirtualHosts.Single().Routes
        .Single(r => r.Match.PathSeparatedPrefix == prefix));

    [SharedFact(Scenario.SharedFolder)]
    public void Translate_PrefixOnlyRedirect_Is302WithListenerPort()
    {
        // Neither scheme nor port: the redirect keeps the listener's port (80), as Cilium's ingestion sets it.
        Assert.Equal(
            """{"match":{"pathSeparatedPrefix":"/original-prefix"},"redirect":{"responseCode":"FOUND","prefixRewrite":"/replacement-prefix","portRedirect":80}}""",
            RouteJson("/original-prefix"));
    }

    [SharedFact(Scenario.SharedFolder)]
    public void Translate_HostAndPrefixRedirect_ReplacesHostAndPrefix()
    {
        Assert.Equal(
            """{"match":{"pathSeparatedPrefix":"/path-and-host"},"redirect":{"hostRedirect":"example.org","responseCode":"FOUND","prefixRewrite":"/replacement-prefix","portRedirect":80}}""",
            RouteJson("/path-and-host"));
    }

    [SharedFact(Scenario.SharedFolder)]
    public void Translate_SchemeAndHostRedirect_UsesHttpsDefaultPort()
    {
        Assert.Equal(
            """{"match":{"pathSeparatedPrefix":"/scheme-and-host"},"redirect":{"hostRedirect":"example.org","responseCode":"FOUND","schemeRedirect":"https","portRedirect":443}}""",
            RouteJson("/scheme-and-host"));
    }

    [SharedFact(Scenario.SharedFolder)]
    public void Translate_RedirectsAndEcho_SortedByPrefixLengthStably()
    {
        var routes = RouteConfig(Translate(), "listener-insecure").VirtualHosts.Single().Routes;

        // /original-prefix and /scheme-and-host tie on length (16) and keep rule order.
        Assert.Equal(["/original-prefix", "/scheme-and-host", "/path-and-host", "/echo"], routes.Select(r => r.Match.PathSeparatedPrefix));
    }

    [SharedFact(Scenario.SharedFolder)]
    public void Translate_RedirectRules_HaveNoClustersOfTheirOwnAndPassValidation()
    {
        var cec = Translate();

        Assert.Equal(["default:echo-1:8080", "default:echo-2:8080"], Clusters(cec).Select(c => c.Name));
        AssertValid(cec);
    }
}
