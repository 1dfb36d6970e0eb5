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
    private ProxyPlan(string @namespace, SourceLocation origin, IReadOnlyList<ListenerBinding> listeners, IReadOnlyList<RouteSource> sources)
    {
        Namespace = @namespace;
        Origin = origin;
        Listeners = listeners;
        Sources = sources;
    }

    /// <summary>The namespace of the Gateway or Service (and of the CEC).</summary>
    public string Namespace { get; }

    /// <summary>Where the Gateway or Service was declared.</summary>
    public SourceLocation Origin { get; }

    /// <summary>The listeners that are programmed, in the Gateway's order (a Service's: by port).</summary>
    public IReadOnlyList<ListenerBinding> Listeners { get; }

    /// <summary>One entry per rule match of every attached route, in Cilium's ingestion order.</summary>
    public IReadOnlyList<RouteSource> Sources { get; }

    /// <summary>True when nothing is programmed, so no CEC is written.</summary>
    public bool IsEmpty => Listeners.Count == 0;

    /// <summary>True when a plain-HTTP listener needs the <c>raw_buffer</c> chain.</summary>
    public bool HasInsecure => Listeners.Any(l => l.Listener.Protocol == ListenerProtocol.HTTP);

    /// <summary>True when an HTTPS listener needs TLS chains.</summary>
    public bool HasSecure => Listeners.Any(l => l.Listener.Protocol == ListenerProtocol.HTTPS);

    /// <summary>
    /// Only valid HTTP and HTTPS listeners are programmed: an invalid one is reported (Programmed=False) and carries no
    /// routes, and an HTTPS listener with a bad certificate must not put a broken TLS chain on the shared listener.
    /// TLS (passthrough) listeners need TLSRoutes, which meshc does not compile.
    /// </summary>
    public static ProxyPlan ForGateway(GatewayBinding binding)
    {
        var listeners = binding.Listeners
            .Where(l => l.Valid && l.Listener.Protocol is ListenerProtocol.HTTP or ListenerProtocol.HTTPS)
            .ToList();
        return new ProxyPlan(binding.Gateway.Meta.Namespace, binding.Gateway.Meta.Origin, listeners, SourcesOf(listeners));
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
        return new ProxyPlan(service.Meta.Namespace, service.Meta.Origin, listeners, SourcesOf(listeners));
    }

    private static List<RouteSource> SourcesOf(IReadOnlyList<ListenerBinding> listeners)
    {
        var sources = new List<RouteSource>();
        foreach (var listener in listeners)
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
    /// exactly one chain, and a chain with several certificates lets Envoy pick the one the client supports.
    /// </summary>
    public IReadOnlyList<(IReadOnlyList<TlsSecretRef> Secrets, IReadOnlyList<string> Hostnames)> SecureChains()
    {
        var secretsByHost = new SortedDictionary<string, SortedSet<TlsSecretRef>>(StringComparer.Ordinal);
        foreach (var listener in Listeners.Where(l => l.Listener.Protocol == ListenerProtocol.HTTPS))
        {
            var host = listener.Listener.Hostname ?? "*";
            if (!secretsByHost.TryGetValue(host, out var secrets))
                secretsByHost[host] = secrets = new SortedSet<TlsSecretRef>(Comparer<TlsSecretRef>.Create((a, b) => string.CompareOrdinal(a.SortKey, b.SortKey)));
            foreach (var certificate in listener.Listener.Tls?.CertificateRefs ?? ValueList<ObjectRef>.Empty)
                secrets.Add(new TlsSecretRef(certificate.NamespaceOr(Namespace), certificate.Name));
        }
        return secretsByHost
            .Where(e => e.Value.Count > 0)
            .GroupBy(e => string.Join("\n", e.Value.Select(s => s.SortKey)))
            .Select(g => ((IReadOnlyList<TlsSecretRef>)g.First().Value.ToList(), (IReadOnlyList<string>)g.Select(e => e.Key).ToList()))
            .OrderBy(c => c.Item1[0].SortKey, StringComparer.Ordinal)
            .ThenBy(c => c.Item2[0], StringComparer.Ordinal)
            .ToList();
    }
}
