using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Ir;
using YamlDotNet.RepresentationModel;

namespace Meshc.Compiler.FrontEnds.Yaml;

/// <summary>Reads a Gateway: class, listeners (protocol, port, hostname, TLS, allowedRoutes), addresses, infrastructure.</summary>
internal static class GatewayReader
{
    public static IMeshObject? Read(YamlObject obj, DiagnosticBag diagnostics)
    {
        if (MetaReader.Read(obj, diagnostics) is not { } meta) return null;
        var spec = obj.Root.Map("spec");
        var listeners = spec.Maps("listeners").Select(l => ReadListener(l, obj.Path)).ToValueList();
        var addresses = spec.Maps("addresses")
            .Select(a => new GatewayAddress(a.Str("type") ?? "IPAddress", a.Str("value"), a.LocationIn(obj.Path)))
            .ToValueList();
        var infrastructure = spec.Map("infrastructure");
        return new Gateway(meta, spec.Str("gatewayClassName") ?? "", listeners, addresses,
            infrastructure.Labels("labels"), infrastructure.Labels("annotations"))
        {
            Frontend = ReadFrontend(spec.Map("tls").Map("frontend"), obj.Path),
            ParametersRef = infrastructure.Map("parametersRef") is { } p
                ? new ObjectRef(p.Str("group") ?? "", p.Str("kind") ?? "", null, p.Str("name") ?? "", p.LocationIn(obj.Path))
                : null,
            AllowedListeners = ReadAllowedListeners(spec.Map("allowedListeners")),
        };
    }

    /// <summary><c>spec.allowedListeners.namespaces</c>; null (the default, None) when absent.</summary>
    private static AllowedListeners? ReadAllowedListeners(YamlMappingNode? allowed)
    {
        if (allowed is null) return null;
        var namespaces = allowed.Map("namespaces");
        var from = namespaces.Str("from") switch
        {
            "Same" => ListenersFrom.Same,
            "All" => ListenersFrom.All,
            "Selector" => ListenersFrom.Selector,
            _ => ListenersFrom.None,
        };
        return new AllowedListeners(from, namespaces.Map("selector") is { } s ? LabelSelectorReader.Read(s) : null);
    }

    /// <summary><c>spec.tls.frontend</c>: the default validation and the per-port ones.</summary>
    private static FrontendTls? ReadFrontend(YamlMappingNode? frontend, string path)
    {
        if (frontend is null) return null;
        var perPort = frontend.Maps("perPort")
            .Select(p => new PortFrontendValidation(p.Int("port") ?? 0, ReadValidation(p.Map("tls").Map("validation"), path)))
            .ToValueList();
        return new FrontendTls(ReadValidation(frontend.Map("default").Map("validation"), path), perPort);
    }

    private static FrontendValidation? ReadValidation(YamlMappingNode? v, string path) => v is null
        ? null
        : new FrontendValidation(
            v.Maps("caCertificateRefs").Select(c => new ObjectRef(c.Str("group") ?? "", c.Str("kind") ?? "", c.Str("namespace"), c.Str("name") ?? "", c.LocationIn(path))).ToValueList(),
            v.Str("mode") ?? FrontendValidation.AllowValidOnly,
            v.LocationIn(path));

    /// <summary>One listener entry; a ListenerSet's entries have the same shape.</summary>
    internal static Listener ReadListener(YamlMappingNode l, string path)
    {
        var protocolText = l.Str("protocol") ?? "";
        var protocol = Enum.TryParse<ListenerProtocol>(protocolText, ignoreCase: false, out var p) && p != ListenerProtocol.Other
            ? p
            : ListenerProtocol.Other;
        var tls = l.Map("tls") is { } t
            ? new ListenerTls(t.Str("mode") ?? "Terminate",
                t.Maps("certificateRefs").Select(c => new ObjectRef(c.Str("group") ?? "", c.Str("kind") ?? "Secret",
                    c.Str("namespace"), c.Str("name") ?? "", c.LocationIn(path))).ToValueList(),
                t.LocationIn(path))
            : null;
        return new Listener(l.Str("name") ?? "", protocol, protocolText, l.Int("port") ?? 0, l.Str("hostname"), tls,
            ReadAllowedRoutes(l.Map("allowedRoutes"), l, path), l.LocationIn(path));
    }

    private static AllowedRoutes ReadAllowedRoutes(YamlMappingNode? allowed, YamlMappingNode listener, string path)
    {
        if (allowed is null) return AllowedRoutes.Default(listener.LocationIn(path));
        var namespaces = allowed.Map("namespaces");
        var from = namespaces.Str("from") switch
        {
            "All" => NamespacesFrom.All,
            "Selector" => NamespacesFrom.Selector,
            _ => NamespacesFrom.Same,
        };
        var selector = namespaces.Map("selector") is { } s ? LabelSelectorReader.Read(s) : null;
        var kinds = allowed.Maps("kinds")
            .Select(k => new RouteGroupKind(k.Str("group") ?? RouteGroupKind.GatewayGroup, k.Str("kind") ?? ""))
            .ToValueList();
        return new AllowedRoutes(from, selector, kinds, allowed.LocationIn(path));
    }
}
