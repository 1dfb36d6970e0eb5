using System.Text.Json.Nodes;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.BackEnds.Kubernetes;

/// <summary>GatewayClass, Gateway, ListenerSet and ReferenceGrant manifests (gateway.networking.k8s.io).</summary>
internal static class GatewayManifests
{
    private const string V1 = RouteGroupKind.GatewayGroup + "/v1";

    public static JsonObject GatewayClass(GatewayClass c)
    {
        var obj = ManifestJson.Object(V1, "GatewayClass", c.Meta, namespaced: false);
        obj["spec"] = new JsonObject { ["controllerName"] = c.ControllerName };
        return obj;
    }

    public static JsonObject Gateway(Gateway g)
    {
        var spec = new JsonObject { ["gatewayClassName"] = g.ClassName, ["listeners"] = ManifestJson.Array(g.Listeners, Listener) }
            .OptList("addresses", g.Addresses, a => new JsonObject { ["type"] = a.Type }.Opt("value", a.Value));
        if (!g.InfrastructureLabels.IsEmpty || !g.InfrastructureAnnotations.IsEmpty)
        {
            var infrastructure = new JsonObject();
            if (!g.InfrastructureLabels.IsEmpty) infrastructure["labels"] = ManifestJson.Map(g.InfrastructureLabels);
            if (!g.InfrastructureAnnotations.IsEmpty) infrastructure["annotations"] = ManifestJson.Map(g.InfrastructureAnnotations);
            spec["infrastructure"] = infrastructure;
        }
        if (g.AllowedListeners is { } allowed)
        {
            var namespaces = new JsonObject { ["from"] = allowed.From.ToString() };
            if (allowed.Selector is { } selector) namespaces["selector"] = Selector(selector);
            spec["allowedListeners"] = new JsonObject { ["namespaces"] = namespaces };
        }
        var obj = ManifestJson.Object(V1, "Gateway", g.Meta);
        obj["spec"] = spec;
        return obj;
    }

    public static JsonObject ListenerSet(ListenerSet s)
    {
        var obj = ManifestJson.Object(V1, "ListenerSet", s.Meta);
        obj["spec"] = new JsonObject
        {
            ["parentRef"] = new JsonObject { ["group"] = s.ParentRef.Group, ["kind"] = s.ParentRef.Kind }
                .Opt("namespace", s.ParentRef.Namespace).Opt("name", s.ParentRef.Name),
            ["listeners"] = ManifestJson.Array(s.Listeners, Listener),
        };
        return obj;
    }

    private static JsonNode Listener(Listener l)
    {
        var json = new JsonObject { ["name"] = l.Name, ["protocol"] = l.ProtocolText, ["port"] = l.Port }.Opt("hostname", l.Hostname);
        if (l.Tls is { } tls)
            json["tls"] = new JsonObject { ["mode"] = tls.Mode }.OptList("certificateRefs", tls.CertificateRefs, c =>
                new JsonObject { ["group"] = c.Group, ["kind"] = c.Kind }.Opt("namespace", c.Namespace).Opt("name", c.Name));
        var namespaces = new JsonObject { ["from"] = l.AllowedRoutes.From.ToString() };
        if (l.AllowedRoutes.Selector is { } selector) namespaces["selector"] = Selector(selector);
        json["allowedRoutes"] = new JsonObject { ["namespaces"] = namespaces }
            .OptList("kinds", l.AllowedRoutes.Kinds, k => new JsonObject { ["group"] = k.Group, ["kind"] = k.Kind });
        return json;
    }

    private static JsonObject Selector(LabelSelector s) => new JsonObject()
        .Opt("matchLabels", s.MatchLabels.IsEmpty ? null : ManifestJson.Map(s.MatchLabels))
        .OptList("matchExpressions", s.MatchExpressions, e => new JsonObject { ["key"] = e.Key, ["operator"] = e.Operator }
            .OptList("values", e.Values, v => JsonValue.Create(v)));

    public static JsonObject ReferenceGrant(ReferenceGrant r)
    {
        var obj = ManifestJson.Object(RouteGroupKind.GatewayGroup + "/v1beta1", "ReferenceGrant", r.Meta);
        obj["spec"] = new JsonObject
        {
            ["from"] = ManifestJson.Array(r.From, f => new JsonObject { ["group"] = f.Group, ["kind"] = f.Kind, ["namespace"] = f.Namespace }),
            ["to"] = ManifestJson.Array(r.To, t => new JsonObject { ["group"] = t.Group, ["kind"] = t.Kind }.Opt("name", t.Name)),
        };
        return obj;
    }
}
