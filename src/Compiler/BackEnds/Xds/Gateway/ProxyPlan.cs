using Meshc.Compiler.Ir;
using System.Globalization;
using Meshc.Compiler.Semantics;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.BackEnds.Xds.Gateway;

/// <summary>
/// What one translated CiliumEnvoyConfig serves on its one Envoy listener: the valid HTTP and HTTPS listeners of an
/// accepted Gateway (in spec order), or the ports of a Service that routes attach to (GAMMA: one plain-HTTP listener
/// per port, as Cilium's GAMMA ingestion makes them), and the routes attached to them, flattened into one
/// <see cref="RouteSource"/> per rule and match.
/// </summary>
internal sealed class ProxyPlan
{
    private ProxyPlan(string @namespace, SourceLocation origin, FrontendTls? frontend, IReadOnlyList<ListenerBinding> listeners,
        IReadOnlyList<RouteSource> sources, IReadOnlyList<PassthroughChain> passthrough, PathHandling? paths = null)
    {
        Paths = paths;
        Namespace = @namespace;
        Origin = origin;
        Frontend = frontend;
        Listeners = listeners;
        Sources = sources;
        Passthrough = passthrough;
    }

    /// <summary>The namespace of the Gateway or Service (and of the CEC).</summary>
    public string Namespace { get; }

    /// <summary>The Gateway's client-certificate validation (<c>spec.tls.frontend</c>); null for a Service.</summary>
    public FrontendTls? Frontend { get; }

    /// <summary>The TLS passthrough filter chains of the Gateway's TLS listeners (see <see cref="PassthroughChain"/>).</summary>
    public IReadOnlyList<PassthroughChain> Passthrough { get; }

    /// <summary>
    /// How the Service's listener treats request paths: the <see cref="Route.Paths"/> of the first route (in Cilium's
    /// ingestion order) that has them, since all routes of a Service share its one connection manager. Null for a Gateway.
    /// </summary>
    public PathHandling? Paths { get; }

    /// <summary>Where the Gateway or Service was declared.</summary>
    public SourceLocation Origin { get; }

    /// <summary>The listeners that are programmed, in the Gateway's order (a Service's: by port).</summary>
    public IReadOnlyList<ListenerBinding> Listeners { get; }

    /// <summary>One entry per rule match of every attached route, in Cilium's ingestion order.</summary>
    public IReadOnlyList<RouteSource> Sources { get; }

    /// <summary>True when a rule routed on the secure (or the insecure) chains has a CORS filter, so its HCM needs Envoy's CORS filter.</summary>
    public bool UsesCors(bool secure) =>
        Sources.Any(s => s.Secure == secure && s.Rule.Rule.Filters.Any(f => f is CorsFilter));

    /// <summary>True when nothing is programmed, so no CEC is written.</summary>
    public bool IsEmpty => Listeners.Count == 0;

    /// <summary>
    /// True when the <c>raw_buffer</c> chain is needed: for a plain-HTTP listener, and — as in Cilium, whose ingestion
    /// makes an HTTP listener of every HTTP, HTTPS and TLS listener — for a TLS (passthrough) listener too.
    /// </summary>
    public bool HasInsecure => Listeners.Any(l => l.Listener.Protocol is ListenerProtocol.HTTP or ListenerProtocol.TLS);

    /// <summary>True when an HTTPS listener needs TLS chains.</summary>
    public bool HasSecure => Listeners.Any(l => l.Listener.Protocol == ListenerProtocol.HTTPS);

    /// <summary>
    /// Only valid HTTP and HTTPS listeners are programmed: an invalid one is reported (Programmed=False) and carries no
    /// routes, and an HTTPS listener with a bad certificate must not put a broken TLS chain on the shared listener.
    /// TLS listeners (passthrough) carry TLSRoutes, which become <see cref="Passthrough"/> chains.
    /// </summary>
    public static ProxyPlan ForGateway(GatewayBinding binding)
    {
        var listeners = binding.Listeners
            .Where(l => l.Valid && l.Listener.Protocol is ListenerProtocol.HTTP or ListenerProtocol.HTTPS or ListenerProtocol.TLS)
            .ToList();
        var passthrough = PassthroughChain.Of(listeners.Where(l => l.Listener.Protocol == ListenerProtocol.TLS));
        return new ProxyPlan(binding.Gateway.Meta.Namespace, binding.Gateway.Meta.Origin, binding.Gateway.Frontend, listeners,
            SourcesOf(listeners), passthrough);
    }

    /// <summary>
    /// A Service parent: each bound port is a plain-HTTP listener named <c>&lt;ns&gt;-&lt;service&gt;-&lt;port&gt;</c>
    /// with no hostname (Cilium's <c>*</c>: GAMMA does not filter by hostname), carrying the routes bound to that port.
    /// </summary>
    public static ProxyPlan ForService(ServiceBinding binding)
    {
        var service = binding.Service;
        var listeners = binding.Ports.Select(p => new ListenerBinding(
            new Ir.Listener($"{service.Meta.Namespace}-{service.Meta.Name}-{p.Port.ToString(CultureInfo.InvariantCulture)}",
                ListenerProtocol.HTTP, "HTTP", p.Port, null, null, AllowedRoutes.Default(service.Meta.Origin), service.Meta.Origin),
            true, p.Routes)).ToList();
        var sources = SourcesOf(listeners);
        var paths = sources.Select(s => s.Attachment.Route.Paths).FirstOrDefault(p => p is not null);
        return new ProxyPlan(service.Meta.Namespace, service.Meta.Origin, null, listeners, sources, [], paths);
    }

    private static List<RouteSource> SourcesOf(IReadOnlyList<ListenerBinding> listeners)
    {
        var sources = new List<RouteSource>();
        foreach (var listener in listeners.Where(l => l.Listener.Protocol is ListenerProtocol.HTTP or ListenerProtocol.HTTPS))
        {
            // Cilium reads HTTPRoutes, then GRPCRoutes, each in the API server's list order (namespace, then name).
            var attachments = listener.Routes
                .OrderBy(a => a.Route.Kind)
                .ThenBy(a => a.Route.Meta.Namespace, StringComparer.Ordinal)
                .ThenBy(a => a.Route.Meta.Name, StringComparer.Ordinal);
            foreach (var attachment in attachments)
            {
                foreach (var rule in attachment.Rules.OrderBy(r => r.Index))
                {
                    if (rule.Rule.Matches.IsEmpty) sources.Add(new RouteSource(listener, attachment, rule, null));
                    foreach (var match in rule.Rule.Matches) sources.Add(new RouteSource(listener, attachment, rule, match));
                }
            }
        }
        return sources;
    }

    /// <summary>Every listener port, once, in ascending order (the ports the Gateway's Service redirects to Envoy).</summary>
    public IReadOnlyList<int> Ports() => Listeners.Select(l => l.Listener.Port).Distinct().Order().ToList();

    /// <summary>
    /// The TLS filter chains: one per distinct set of certificates, serving the hostnames that use exactly that set.
    /// Cilium makes one chain per Secret, which gives two chains with the same match when a listener lists two
    /// certificates (say RSA and ECDSA) — a listener Envoy rejects. Grouping by hostname keeps every server name in
    /// exactly one chain, and a chain with several certificates lets Envoy pick the one the client supports. When the
    /// Gateway validates client certificates (<c>spec.tls.frontend</c>, per port), chains are made per port as well and
    /// match on <c>destination_port</c>, so each port gets its own validation.
    /// </summary>
    public IReadOnlyList<SecureChain> SecureChains()
    {
        var perPort = Frontend is not null;
        var byHost = new SortedDictionary<(int Port, string Host), (SortedSet<TlsSecretRef> Secrets, ClientValidation? Validation)>();
        foreach (var listener in Listeners.Where(l => l.Listener.Protocol == ListenerProtocol.HTTPS))
        {
            var key = (perPort ? listener.Listener.Port : 0, listener.Listener.Hostname ?? "*");
            if (!byHost.TryGetValue(key, out var entry))
                byHost[key] = entry = (new SortedSet<TlsSecretRef>(Comparer<TlsSecretRef>.Create((a, b) => string.CompareOrdinal(a.SortKey, b.SortKey))), listener.ClientValidation);
            foreach (var certificate in listener.Listener.Tls?.CertificateRefs ?? ValueList<ObjectRef>.Empty)
                entry.Secrets.Add(new TlsSecretRef(certificate.NamespaceOr(Namespace), certificate.Name));
        }
        return byHost
            .Where(e => e.Value.Secrets.Count > 0)
            .GroupBy(e => (e.Key.Port, string.Join("\n", e.Value.Secrets.Select(s => s.SortKey)), e.Value.Validation))
            .Select(g => new SecureChain(g.First().Value.Secrets.ToList(), g.Select(e => e.Key.Host).ToList(), perPort ? g.Key.Port : null, g.Key.Validation))
            .OrderBy(c => c.Secrets[0].SortKey, StringComparer.Ordinal)
            .ThenBy(c => c.Hostnames[0], StringComparer.Ordinal)
            .ThenBy(c => c.Port)
            .ToList();
    }
}

/// <summary>A TLS-terminating chain: its certificates, the hostnames it serves, its port (per-port validation only) and client validation.</summary>
internal sealed record SecureChain(IReadOnlyList<TlsSecretRef> Secrets, IReadOnlyList<string> Hostnames, int? Port, ClientValidation? Validation);
