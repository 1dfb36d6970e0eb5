using Meshc.Compiler.BackEnds.Xds;
using Meshc.Compiler.BackEnds.Xds.Gateway;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Tests.BackEnds.Xds.Gateway;

/// <summary>Hand-built Gateway API objects and their bound forms, with the defaults a test does not care about.</summary>
internal static class Bound
{
    public static readonly SourceLocation At = new("test.yaml", 1, 1);

    public static ObjectMeta Meta(string name, string ns = "default") =>
        new(name, ns, ValueList<Label>.Empty, ValueList<Label>.Empty, 1, At);

    public static Listener Http(string name = "http", int port = 80, string? hostname = null) =>
        new(name, ListenerProtocol.HTTP, "HTTP", port, hostname, null, AllowedRoutes.Default(At), At);

    public static Listener Https(string name, int port, string? hostname, params string[] secrets) =>
        new(name, ListenerProtocol.HTTPS, "HTTPS", port, hostname,
            new ListenerTls("Terminate", secrets.Select(s => new ObjectRef("", "Secret", null, s, At)).ToValueList(), At),
            AllowedRoutes.Default(At), At);

    public static Ir.Gateway NewGateway(string name, params Listener[] listeners) =>
        new(Meta(name), "cilium", listeners.ToValueList(), ValueList<GatewayAddress>.Empty, ValueList<Label>.Empty, ValueList<Label>.Empty);

    public static GatewayBinding Binding(Ir.Gateway gateway, params ListenerBinding[] listeners) => new(gateway, listeners.ToValueList());

    public static ListenerBinding On(Listener listener, params RouteAttachment[] routes) => new(listener, true, routes.ToValueList());

    public static BoundMesh Mesh(params GatewayBinding[] gateways) =>
        new(MeshModel.Empty, gateways.ToValueList(), ValueList<EnvoyConfig>.Empty);

    public static PathMatch Prefix(string value) => new(PathMatchKind.Prefix, value, At);
    public static PathMatch Exact(string value) => new(PathMatchKind.Exact, value, At);
    public static PathMatch Regex(string value) => new(PathMatchKind.Regex, value, At);

    public static Ir.RouteMatch Match(PathMatch? path = null, string? method = null, KeyValueMatch[]? headers = null, KeyValueMatch[]? query = null) =>
        new(path, (headers ?? []).ToValueList(), (query ?? []).ToValueList(), method, null, At);

    public static Ir.RouteMatch GrpcMatch(string? service, string? method, StringMatchKind kind = StringMatchKind.Exact) =>
        new(null, ValueList<KeyValueMatch>.Empty, ValueList<KeyValueMatch>.Empty, null, new GrpcMethodMatch(kind, service, method, At), At);

    public static KeyValueMatch Header(string name, string value, StringMatchKind kind = StringMatchKind.Exact) => new(kind, name, value, At);

    public static BackendRef Ref(string service, int port, long weight = 1, string? ns = null, params RouteFilter[] filters) =>
        new("", "Service", ns, service, port, weight, filters.ToValueList(), At);

    public static BoundBackend Backend(string service, int port, long weight = 1, string ns = "default", string? appProtocol = null, params RouteFilter[] filters) =>
        new(Ref(service, port, weight, ns, filters), new ServiceTarget(ns, service, port, appProtocol), weight);

    public static BoundMirror Mirror(string service, int port, int numerator = 100, int denominator = 100, string ns = "default") =>
        new(new RequestMirrorFilter(Ref(service, port, 1, ns), numerator, denominator, At), new ServiceTarget(ns, service, port, null));

    /// <summary>A rule; backends and mirrors are bound, and a rule with neither backends nor redirect answers 500.</summary>
    public static BoundRule Rule(int index, Ir.RouteMatch[] matches, BoundBackend[] backends, RouteFilter[]? filters = null,
        BoundMirror[]? mirrors = null, RouteTimeouts? timeouts = null, RetryPolicy? retry = null)
    {
        filters ??= [];
        var mirrorList = mirrors ?? [];
        var allFilters = filters.Concat(mirrorList.Select(m => (RouteFilter)m.Filter)).ToValueList();
        var rule = new RouteRule(null, matches.ToValueList(), allFilters, backends.Select(b => b.Ref).ToValueList(), timeouts, retry, At);
        var internalError = backends.Length == 0 && !filters.OfType<RequestRedirectFilter>().Any();
        return new BoundRule(rule, index, backends.ToValueList(), mirrorList.ToValueList(), internalError);
    }

    public static RouteAttachment Attach(string route, BoundRule[] rules, string[]? hostnames = null, RouteKind kind = RouteKind.Http, string ns = "default")
    {
        var parent = new ParentRef(RouteGroupKind.GatewayGroup, "Gateway", null, "gw", null, null, At);
        var ir = new Ir.Route(Meta(route, ns), kind, ValueList.Of(parent), (hostnames ?? []).ToValueList(), rules.Select(r => r.Rule).ToValueList());
        return new RouteAttachment(ir, parent, (hostnames ?? []).ToValueList(), rules.ToValueList());
    }

    /// <summary>Translates <paramref name="routes"/> attached to one HTTP :80 listener of Gateway <c>gw</c>.</summary>
    public static CecModel Translate(params RouteAttachment[] routes)
    {
        var gateway = NewGateway("gw", Http());
        return GatewayTranslator.Translate(Mesh(Binding(gateway, On(gateway.Listeners[0], routes))), CompilationOptions.Default, new Meshc.Compiler.Diagnostics.DiagnosticBag()).Single();
    }

    /// <summary>The routes of the single virtual host <c>*</c> of <c>listener-insecure</c>.</summary>
    public static IReadOnlyList<Envoy.Config.Route.V3.Route> Routes(CecModel cec) =>
        EnvoyResources.RouteConfig(cec, "listener-insecure").VirtualHosts.Single().Routes;
}
