using Meshc.Compiler.FrontEnds.Dsl.Syntax;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.FrontEnds.Dsl.Reading;

/// <summary>
/// Reads one listener of a gateway. The protocol is http, https, tls, tcp or udp (any case). Without <c>allow</c>,
/// routes attach from the gateway's own namespace, the Gateway API default.
/// <code>
/// listener NAME PROTOCOL PORT [host HOSTNAME] [tls [passthrough|terminate] SECRET, …]
///          [allow [from same|all|key=value, …] [kinds HTTPRoute, …]]
/// </code>
/// </summary>
internal static class ListenerReader
{
    private static readonly string[] Protocols = ["HTTP", "HTTPS", "TLS", "TCP", "UDP"];

    public static Listener Read(MeshParser.ListenerClauseContext l, DslContext context)
    {
        var at = context.At(l);
        var protocolText = DslContext.Text(l.protocol);
        var protocol = ListenerProtocol.Other;
        if (Protocols.FirstOrDefault(p => p.Equals(protocolText, StringComparison.OrdinalIgnoreCase)) is { } known)
        {
            protocolText = known;
            protocol = Enum.Parse<ListenerProtocol>(known);
        }
        else
        {
            context.Diagnostics.ReportDslInvalidValue(context.At(l.protocol), "listener protocol", protocolText,
                "use http, https, tls, tcp or udp", Spelling.DidYouMean(protocolText, Protocols.Select(p => p.ToLowerInvariant())));
        }
        string? hostname = null;
        ListenerTls? tls = null;
        AllowedRoutes? allowed = null;
        foreach (var option in l.listenerOption())
        {
            switch (option)
            {
                case MeshParser.ListenerHostOptionContext h: hostname = DslContext.Text(h.value()); break;
                case MeshParser.ListenerTlsOptionContext t: tls = Tls(t, context); break;
                case MeshParser.ListenerAllowOptionContext a: allowed = Allowed(a, context); break;
            }
        }
        return new Listener(DslContext.Text(l.name(0)), protocol, protocolText, context.Int(l.INT().Symbol, "listener port", 1, 65535) ?? 0,
            hostname, tls, allowed ?? AllowedRoutes.Default(at), at);
    }

    /// <summary><c>tls a, b</c> terminates with Secrets a and b; a leading <c>passthrough</c> or <c>terminate</c> names the mode.</summary>
    private static ListenerTls Tls(MeshParser.ListenerTlsOptionContext t, DslContext context)
    {
        var names = t.name().ToList();
        var mode = "Terminate";
        if (names.Count > 0 && names[0].STRING() is null && DslContext.Text(names[0]) is "passthrough" or "terminate")
        {
            mode = DslContext.Text(names[0]) == "passthrough" ? "Passthrough" : "Terminate";
            names.RemoveAt(0);
        }
        var refs = names.Select(n =>
        {
            var (ns, name) = DslContext.Reference(DslContext.Text(n));
            return new ObjectRef("", "Secret", ns, name, context.At(n));
        });
        return new ListenerTls(mode, refs.ToValueList(), context.At(t));
    }

    private static AllowedRoutes Allowed(MeshParser.ListenerAllowOptionContext a, DslContext context)
    {
        var from = NamespacesFrom.Same;
        LabelSelector? selector = null;
        var kinds = new List<RouteGroupKind>();
        foreach (var part in a.allowPart())
        {
            switch (part)
            {
                case MeshParser.AllowFromSelectorContext s:
                    from = NamespacesFrom.Selector;
                    selector = MetadataReader.Selector(s.labelList());
                    break;
                case MeshParser.AllowFromNamespacesContext n:
                    var text = DslContext.Text(n.name());
                    if (text is "same" or "all") from = text == "all" ? NamespacesFrom.All : NamespacesFrom.Same;
                    else context.Diagnostics.ReportDslInvalidValue(context.At(n.name()), "allow from", text,
                        "use same, all, or a namespace selector such as team=shop", Spelling.DidYouMean(text, ["same", "all"]));
                    break;
                case MeshParser.AllowKindsContext k:
                    kinds.AddRange(k.name().Select(n => new RouteGroupKind(RouteGroupKind.GatewayGroup, DslContext.Text(n))));
                    break;
            }
        }
        return new AllowedRoutes(from, selector, kinds.ToValueList(), context.At(a));
    }
}
