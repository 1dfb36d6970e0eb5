using System.Text.Json.Nodes;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.BackEnds.Kubernetes;

/// <summary>Namespace, Service and EndpointSlice manifests.</summary>
internal static class CoreManifests
{
    public static JsonObject Namespace(NamespaceObject n) => ManifestJson.Object("v1", "Namespace", n.Meta, namespaced: false);

    public static JsonObject Service(Service s)
    {
        var spec = new JsonObject { ["type"] = s.Type }
            .OptList("clusterIPs", s.ClusterIPs, ip => JsonValue.Create(ip))
            .OptList("ports", s.Ports, Port);
        if (!s.Selector.IsEmpty) spec["selector"] = ManifestJson.Map(s.Selector);
        var obj = ManifestJson.Object("v1", "Service", s.Meta);
        obj["spec"] = spec;
        if (!s.LoadBalancerIngress.IsEmpty)
            obj["status"] = new JsonObject
            {
                ["loadBalancer"] = new JsonObject { ["ingress"] = ManifestJson.Array(s.LoadBalancerIngress, a => new JsonObject { ["ip"] = a }) },
            };
        return obj;
    }

    private static JsonNode Port(ServicePort p)
    {
        var port = new JsonObject().Opt("name", p.Name);
        port["port"] = p.Port;
        port.Opt("targetPort", p.TargetPort is null ? null : int.TryParse(p.TargetPort, out var n) ? JsonValue.Create(n) : JsonValue.Create(p.TargetPort));
        port["protocol"] = p.Protocol;
        return port.Opt("appProtocol", p.AppProtocol);
    }

    public static JsonObject EndpointSlice(EndpointSet e)
    {
        var obj = ManifestJson.Object("discovery.k8s.io/v1", "EndpointSlice", e.Meta);
        obj["addressType"] = e.AddressType;
        obj["ports"] = ManifestJson.Array(e.Ports, p => new JsonObject().Opt("name", p.Name).Opt("port", p.Port).Opt("protocol", p.Protocol));
        obj["endpoints"] = ManifestJson.Array(e.Endpoints, ep => new JsonObject
        {
            ["addresses"] = ManifestJson.Array(ep.Addresses, a => JsonValue.Create(a)),
            ["conditions"] = new JsonObject { ["ready"] = ep.Ready, ["serving"] = ep.Serving, ["terminating"] = ep.Terminating },
        }.Opt("targetRef", ep.TargetName is null ? null : new JsonObject { ["kind"] = "Pod", ["name"] = ep.TargetName }).Opt("zone", ep.Zone));
        return obj;
    }
}
