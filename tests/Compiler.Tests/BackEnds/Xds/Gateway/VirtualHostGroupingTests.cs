using Meshc.Compiler.BackEnds.Xds.Gateway;
using Meshc.Compiler.Ir;
using static Meshc.Compiler.Tests.BackEnds.Xds.Gateway.Bound;
using static Meshc.Compiler.Tests.BackEnds.Xds.Gateway.EnvoyResources;

namespace Meshc.Compiler.Tests.BackEnds.Xds.Gateway;

public class VirtualHostGroupingTests
{
    private static global::Meshc.Compiler.Semantics.BoundRule To(string service, string path = "/") => Rule(0, [Match(Prefix(path))], [Backend(service, 80)]);

    [Fact]
    public void Group_RouteHostnames_OneVirtualHostEachSortedByName()
    {
        var cec = Translate(
            Attach("b", [To("b")], hostnames: ["b.example", "*.wild.example"]),
            Attach("a", [To("a")], hostnames: ["a.example"]));

        var hosts = RouteConfig(cec, "listener-insecure").VirtualHosts;

        Assert.Equal(["*.wild.example", "a.example", "b.example"], hosts.Select(h => h.Name));
        Assert.Equal(["a.example", "a.example:*"], hosts[1].Domains);
        Assert.Equal(["*.wild.example", "*.wild.example:*"], hosts[0].Domains);
        Assert.Equal("default:b:80", hosts[0].Routes.Single().Route_.Cluster);
    }

    [Fact]
    public void Group_RouteWithoutHostnames_UsesListenerHostname()
    {
        var listener = Http("http", 80, "listener.example");
        var gateway = NewGateway("gw", listener);

        var cec = GatewayTranslator.Translate(Mesh(Binding(gateway, On(listener, Attach("r", [To("svc")])))), CompilationOptions.Default, new Meshc.Compiler.Diagnostics.DiagnosticBag()).Single();

        var host = RouteConfig(cec, "listener-insecure").VirtualHosts.Single();
        Assert.Equal("listener.example", host.Name);
        Assert.Equal(["listener.example", "listener.example:*"], host.Domains);
    }

    [Fact]
    public void Group_TwoListenersSameHostnameSamePort_ShareOneVirtualHost()
    {
        var first = Http("first", 8080, "a.example");
        var second = Http("second", 8080, "a.example");
        var gateway = NewGateway("gw", first, second);
        var mesh = Mesh(Binding(gateway, On(first, Attach("one", [To("one", "/one")])), On(second, Attach("two", [To("two", "/two-longer")]))));

        var cec = GatewayTranslator.Translate(mesh, CompilationOptions.Default, new Meshc.Compiler.Diagnostics.DiagnosticBag()).Single();

        var host = RouteConfig(cec, "listener-insecure").VirtualHosts.Single();
        Assert.Equal(["a.example", "a.example:*"], host.Domains);
        Assert.Equal(["/two-longer", "/one"], host.Routes.Select(r => r.Match.PathSeparatedPrefix));
    }

    [Fact]
    public void Group_TwoListenersSameHostnameOtherPorts_OneVirtualHostPerPort()
    {
        var first = Http("first", 80);
        var second = Http("second", 8080);
        var named = Http("named", 8080, "a.example");
        var gateway = NewGateway("gw", first, second, named);
        var mesh = Mesh(Binding(gateway,
            On(first, Attach("one", [To("one", "/one")])),
            On(second, Attach("two", [To("two", "/two")])),
            On(named, Attach("three", [To("three", "/three")]))));

        var cec = GatewayTranslator.Translate(mesh, CompilationOptions.Default, new Meshc.Compiler.Diagnostics.DiagnosticBag()).Single();

        // The default port keeps the bare hostname ("*" stays the catch-all); another port matches only with its number.
        var hosts = RouteConfig(cec, "listener-insecure").VirtualHosts;
        Assert.Equal(["*", "*:8080", "a.example:8080"], hosts.Select(h => h.Name));
        Assert.Equal([["*"], ["*:8080"], ["a.example:8080"]], hosts.Select(h => h.Domains.ToArray()));
        Assert.Equal(["/one", "/two", "/three"], hosts.Select(h => h.Routes.Single().Match.PathSeparatedPrefix));
        Assert.Equal([80, 8080], cec.Services.Single().Ports);
        AssertValid(cec);
    }

    [Fact]
    public void Group_HttpsListenersOtherPorts_DefaultPortIs443()
    {
        var first = Https("first", 443, "a.example", "cert");
        var second = Https("second", 8443, "a.example", "cert");
        var gateway = NewGateway("gw", first, second);
        var mesh = Mesh(Binding(gateway, On(first, Attach("one", [To("one", "/one")])), On(second, Attach("two", [To("two", "/two")]))));

        var cec = GatewayTranslator.Translate(mesh, CompilationOptions.Default, new Meshc.Compiler.Diagnostics.DiagnosticBag()).Single();

        var hosts = RouteConfig(cec, "listener-secure").VirtualHosts;
        Assert.Equal([["a.example", "a.example:443"], ["a.example:8443"]], hosts.Select(h => h.Domains.ToArray()));
    }

    [Fact]
    public void Group_HttpRoutesBeforeGrpcRoutes_ThenByName()
    {
        var cec = Translate(
            Attach("a-grpc", [To("grpc")], kind: RouteKind.Grpc),
            Attach("z-http", [To("z")]),
            Attach("b-http", [To("b")]));

        // All three match "/" equally, so the stable sort keeps input order: HTTPRoutes by name, then GRPCRoutes.
        Assert.Equal(["default:b:80", "default:z:80", "default:grpc:80"], Routes(cec).Select(r => r.Route_.Cluster));
    }

    [Fact]
    public void Group_NoRoutes_EmitsEmptyRouteConfiguration()
    {
        var cec = Translate();

        Assert.Equal("""{"name":"listener-insecure"}""", Json(RouteConfig(cec, "listener-insecure")));
        Assert.Empty(Clusters(cec));
        Assert.Empty(cec.BackendServices);
        AssertValid(cec);
    }
}
