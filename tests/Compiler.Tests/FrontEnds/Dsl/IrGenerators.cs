using FsCheck;
using FsCheck.Fluent;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Tests.FrontEnds.Dsl;

/// <summary>
/// FsCheck generators of random IR within what the DSL spells (gateways, services, workloads, gateway and service
/// routes, policies, namespaces), with names chosen to stress quoting: keywords, numbers, durations and odd characters.
/// </summary>
internal static class IrGenerators
{
    private static readonly SourceLocation At = new("gen", 1, 1);

    private static readonly Gen<string> Names = Gen.Elements("web", "echo-1", "a.b", "x_y", "route", "backend", "http", "5s", "80", "rule", "v2");
    private static readonly Gen<string> Values = Gen.Elements("v1", "", "with space", "quo\"te", "back\\slash", "app.kubernetes.io/name", "80", "/p", "*");
    private static readonly Gen<string> Namespaces = Gen.Elements("default", "shop", "infra");

    private static Gen<T?> Maybe<T>(Gen<T> gen) where T : class => Gen.OneOf(Gen.Constant<T?>(null), gen.Select(x => (T?)x));

    private static Gen<int?> MaybeInt(int min, int max) => Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(min, max).Select(x => (int?)x));

    private static Gen<ValueList<T>> List<T>(Gen<T> gen, int max) =>
        Gen.Choose(0, max).SelectMany(n => gen.ArrayOf(n)).Select(a => a.ToValueList());

    private static Gen<ValueList<T>> List1<T>(Gen<T> gen, int max) =>
        Gen.Choose(1, max).SelectMany(n => gen.ArrayOf(n)).Select(a => a.ToValueList());

    private static readonly Gen<Label> Label = from k in Names from v in Values select new Label(k, v);
    private static readonly Gen<TimeSpan> Duration = Gen.Choose(0, 99_999_999).Select(ms => TimeSpan.FromMilliseconds(ms));

    private static Gen<ObjectMeta> Meta(string ns) =>
        from name in Names from labels in List(Label, 2) from annotations in List(Label, 1)
        select new ObjectMeta(name, ns, labels, annotations, 1, At);

    private static readonly Gen<string?> Ref = Maybe(Gen.Elements("other", "infra"));

    private static readonly Gen<Listener> Listener =
        from name in Names
        from protocol in Gen.Elements(ListenerProtocol.HTTP, ListenerProtocol.HTTPS, ListenerProtocol.TLS, ListenerProtocol.TCP, ListenerProtocol.UDP)
        from port in Gen.Choose(1, 65535)
        from host in Maybe(Gen.Elements("*.example.com", "api.example.com"))
        from tls in Maybe(from mode in Gen.Elements("Terminate", "Passthrough")
                          from certs in List(from ns in Ref from n in Gen.Elements("cert", "passthrough", "terminate", "5s") select new ObjectRef("", "Secret", ns, n, At), 2)
                          select new ListenerTls(mode, certs, At))
        from allowFrom in Gen.Elements(NamespacesFrom.Same, NamespacesFrom.All, NamespacesFrom.Selector)
        from selector in List1(Label, 2)
        from kinds in List(Gen.Elements(RouteGroupKind.HttpRoute, RouteGroupKind.GrpcRoute), 2)
        select new Listener(name, protocol, protocol.ToString(), port, host, tls,
            new AllowedRoutes(allowFrom, allowFrom == NamespacesFrom.Selector ? new LabelSelector(selector, ValueList<SelectorRequirement>.Empty) : null, kinds, At), At);

    public static Gen<Gateway> Gateway(string ns) =>
        from meta in Meta(ns)
        from cls in Gen.Elements("cilium", "other-class")
        from listeners in List(Listener, 3)
        from addresses in List(Gen.Elements(new GatewayAddress("IPAddress", "10.0.0.1", At), new GatewayAddress("Hostname", "gw.example.com", At)), 2)
        from infra in List(Label, 1)
        select new Gateway(meta, cls, listeners, addresses, infra, ValueList<Label>.Empty);

    private static readonly Gen<ServicePort> ServicePort =
        from name in Maybe(Names) from port in Gen.Choose(1, 65535) from protocol in Gen.Elements("TCP", "UDP", "SCTP")
        from target in Gen.OneOf(Gen.Constant(""), Gen.Elements("8080", "http"))
        from app in Maybe(Gen.Elements("kubernetes.io/h2c", "http"))
        select new ServicePort(name, port, target.Length == 0 ? port.ToString() : target, protocol, app, At);

    public static Gen<Service> Service(string ns) =>
        from meta in Meta(ns) from type in Gen.Elements("ClusterIP", "LoadBalancer") from ports in List(ServicePort, 2)
        from selector in List(Label, 2) from ips in List(Gen.Elements("10.0.0.1", "10.0.0.2"), 2)
        select new Service(meta, type, ports, selector, ips, ValueList<string>.Empty);

    public static Gen<Workload> Workload(string ns) =>
        from meta in Meta(ns) from kind in Gen.Elements("Deployment", "StatefulSet", "DaemonSet")
        from pods in List(Label, 2) from replicas in Gen.Choose(0, 5)
        select new Workload(meta, kind, pods, replicas);

    public static Gen<Route> Route(string ns) =>
        from meta in Meta(ns)
        from kind in Gen.Elements(RouteKind.Http, RouteKind.Grpc)
        from parents in List(from gns in Ref from name in Names from section in Maybe(Names) from port in MaybeInt(1, 65535)
                             select new ParentRef(RouteGroupKind.GatewayGroup, "Gateway", gns, name, section, port, At), 2)
        from hosts in List(Gen.Elements("a.example.com", "*.example.com"), 2)
        from rules in List(RouteGenerators.Rule(kind), 3)
        select new Route(meta, kind, parents, hosts, rules);

    /// <summary>
    /// A route on a service: one Service parent, no backend timeouts (the DSL keeps those for gateway routes), the same
    /// retry extras on every rule that retries (as YAML annotations can say), and maybe cluster settings.
    /// </summary>
    public static Gen<Route> ServiceRoute(string ns) =>
        from meta in Meta(ns)
        from kind in Gen.Elements(RouteKind.Http, RouteKind.Grpc)
        from sns in Ref from name in Names from port in MaybeInt(1, 65535)
        from hosts in List(Gen.Elements("a.example.com", "*.example.com"), 2)
        from rules in List(RouteGenerators.Rule(kind), 3)
        from conditions in List(Gen.Elements("5xx", "reset", "connect-failure", "gateway-error"), 2)
        from perTry in Gen.OneOf(Gen.Constant<TimeSpan?>(null), Duration.Select(d => (TimeSpan?)d))
        from upstream in Maybe(Upstream)
        from paths in Maybe(Paths)
        select new Route(meta, kind, ValueList.Of(new ParentRef("", "Service", sns, name, null, port, At)), hosts,
            rules.Select(r => r with
            {
                Timeouts = r.Timeouts is { Request: { } request } t ? t with { BackendRequest = null } : null,
                Retry = r.Retry is { } retry ? retry with { Conditions = conditions.Distinct().ToValueList(), PerTryTimeout = perTry } : null,
            }).ToValueList()) { Upstream = upstream, Paths = paths };

    private static readonly Gen<OutlierDetection> Outlier =
        (from local in MaybeInt(0, 10) from c5xx in MaybeInt(0, 10) from gateway in MaybeInt(0, 10)
         from interval in Gen.OneOf(Gen.Constant<TimeSpan?>(null), Duration.Select(d => (TimeSpan?)d))
         from ejection in Gen.OneOf(Gen.Constant<TimeSpan?>(null), Duration.Select(d => (TimeSpan?)d))
         from max in MaybeInt(0, 100)
         select new OutlierDetection(local, c5xx, gateway, interval, ejection, max))
        .Where(o => o != MeshAnnotations.NoOutlier);

    private static readonly Gen<UpstreamPolicy> Upstream =
        (from connect in Gen.OneOf(Gen.Constant<TimeSpan?>(null), Duration.Select(d => (TimeSpan?)d))
         from lb in Gen.OneOf(Gen.Constant<LoadBalancing?>(null), Gen.Elements(Enum.GetValues<LoadBalancing>()).Select(l => (LoadBalancing?)l))
         from outlier in Maybe(Outlier)
         select new UpstreamPolicy(connect, lb, outlier, At))
        .Where(u => u.ConnectTimeout is not null || u.LoadBalancing is not null || u.Outlier is not null);

    private static readonly Gen<PathHandling> Paths =
        (from normalize in Gen.Elements(false, true) from merge in Gen.Elements(false, true)
         from escaped in Gen.OneOf(Gen.Constant<EscapedSlashes?>(null), Gen.Elements(Enum.GetValues<EscapedSlashes>()).Select(e => (EscapedSlashes?)e))
         select new PathHandling(normalize, merge, escaped, At))
        .Where(p => p.Normalize || p.MergeSlashes || p.EscapedSlashes is not null);

    public static Gen<Policy> Policy(string ns) =>
        from meta in Meta(ns) from subject in List(Label, 2) from rules in List(PolicyRule, 3)
        select new Policy(meta, new LabelSelector(subject, ValueList<SelectorRequirement>.Empty), rules);

    private static readonly Gen<PolicyRule> PolicyRule =
        from action in Gen.Elements(PolicyAction.Allow, PolicyAction.Deny)
        from direction in Gen.Elements(TrafficDirection.Ingress, TrafficDirection.Egress)
        from peer in Maybe(List1(Label, 2).Select(l => new LabelSelector(l, ValueList<SelectorRequirement>.Empty)))
        from ports in List(from p in Gen.Choose(1, 65535) from proto in Gen.Elements("TCP", "UDP", "SCTP", "ANY") select new PolicyPort(p, proto, At), 2)
        from http in List(from m in Maybe(Gen.Elements("GET", "POST"))
                          from p in Gen.Elements("/books", "/orders/.*", "/a b")
                          from h in List(from n in Names from v in Values select new HeaderValue(n, v, At), 1)
                          select new HttpPolicyRule(m, p, h, At), 2)
        let httpAllowed = action == PolicyAction.Allow && ports.All(x => x.Protocol is "TCP" or "ANY")
        select new PolicyRule(action, direction, peer, ports, httpAllowed ? http : ValueList<HttpPolicyRule>.Empty, At);

    public static Gen<Secret> Secret(string ns) =>
        from meta in Meta(ns) from tls in Gen.Elements(true, false) from type in Gen.Elements("Opaque", "kubernetes.io/tls", "example.com/custom")
        from keys in List(Gen.Elements("ca.crt", "tls.crt", "token", "with space"), 2)
        select new Secret(meta, type, (tls ? keys.Concat(["tls.crt", "tls.key"]) : keys).Distinct().Order(StringComparer.Ordinal).ToValueList(), tls);

    public static Gen<ReferenceGrant> Grant(string ns) =>
        from meta in Meta(ns)
        from sources in List(from n in Gen.Elements("shop", "route") from k in Gen.Elements("HTTPRoute", "GRPCRoute", "Gateway")
                          select new GrantFrom(RouteGroupKind.GatewayGroup, k, n, At), 2)
        from to in List(from k in Gen.Elements("Service", "Secret") from n in Maybe(Gen.Elements("cert", "route", "5s"))
                        select new GrantTo("", k, n, At), 2)
        select new ReferenceGrant(meta, sources, to);

    public static Gen<NamespaceObject> Namespace(string ns) =>
        from labels in List1(Label, 2) select new NamespaceObject(new ObjectMeta(ns, "", labels, ValueList<Label>.Empty, 1, At));

    public static Gen<GatewayClass> GatewayClass =>
        from name in Gen.Elements("other-class", "route", "edge.lb")
        from controller in Gen.Elements("example.net/controller", "io.cilium/gateway-controller")
        from labels in List(Label, 1)
        select new GatewayClass(new ObjectMeta(name, "", labels, ValueList<Label>.Empty, 1, At), controller);

    /// <summary>A model of up to a few objects of each kind, names unique per kind and namespace (as the DSL requires).</summary>
    public static Gen<MeshModel> Model =>
        from ns in Namespaces
        from namespaces in List(Namespace(ns), 1)
        from gateways in List(Gateway(ns), 2)
        from services in List(Service(ns), 3)
        from workloads in List(Workload(ns), 2)
        from routes in List(Route(ns), 3)
        from serviceRoutes in List(ServiceRoute(ns), 2)
        from policies in List(Policy(ns), 2)
        from secrets in List(Secret(ns), 2)
        from grants in List(Grant(ns), 1)
        from classes in List(GatewayClass, 1)
        select Build(classes.Cast<IMeshObject>().Concat(namespaces).Concat(gateways).Concat(services).Concat(workloads).Concat(routes)
            .Concat(serviceRoutes.DistinctBy(r => (r.ParentRefs[0].Namespace ?? ns, r.ParentRefs[0].Name))).Concat(policies)
            .Concat(secrets).Concat(grants));

    private static MeshModel Build(IEnumerable<IMeshObject> objects)
    {
        var builder = new MeshModelBuilder(new Meshc.Compiler.Diagnostics.DiagnosticBag());
        foreach (var o in objects.DistinctBy(o => o.Key)) builder.Add(o);
        return builder.Build();
    }
}
