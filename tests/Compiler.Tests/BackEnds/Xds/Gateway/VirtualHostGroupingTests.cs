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

        var cec = GatewayTranslator.Translate(Mesh(Binding(gateway, On(listener, Attach("r", [To("svc")])))), CompilationOptions.Default).Single();

        var host = RouteConfig(cec, "listener-insecure").VirtualHosts.Single();
        Assert.Equal("listener.example", host.Name);
        Assert.Equal(["listener.example", "listener.example:*"], host.Domains);
    }

    [Fact]
    public void Group_TwoListenersSameHostname_ShareOneVirtualHost()
    {
        var first = Http("first", 80);
        var second = Http("second", 8080);
        var gateway = NewGateway("gw", first, second);
        var mesh = Mesh(Binding(gateway, On(first, Attach("one", [To("one", "/one")])), On(second, Attach("two", [To("two", "/two-longer")]))));

        var cec = GatewayTranslator.Translate(mesh, CompilationOptions.Default).Single();

        var host = RouteConfig(cec, "listener-insecure").VirtualHosts.Single();
        Assert.Equal(["/two-longer", "/one"], host.Routes.Select(r => r.Match.PathSeparatedPrefix));
        Assert.Equal([80, 8080], cec.Services.Single().Ports);
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
