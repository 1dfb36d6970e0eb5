using System.Text.Json.Nodes;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.BackEnds.Kubernetes;

/// <summary>
/// A CiliumEnvoyConfig (or clusterwide one) manifest: services, backend services, and each resource's canonical
/// JSON with its <c>@type</c> put back in front.
/// </summary>
internal static class EnvoyConfigManifests
{
    public static JsonObject EnvoyConfig(EnvoyConfig c)
    {
        var obj = ManifestJson.Object("cilium.io/v2", c.Clusterwide ? "CiliumClusterwideEnvoyConfig" : "CiliumEnvoyConfig", c.Meta, namespaced: !c.Clusterwide);
        obj["spec"] = new JsonObject()
            .OptList("services", c.Services, s => new JsonObject { ["name"] = s.Name, ["namespace"] = s.Namespace }
                .OptList("ports", s.Ports, p => JsonValue.Create(p)).Opt("listener", s.Listener))
            .OptList("backendServices", c.BackendServices, b => new JsonObject { ["name"] = b.Name, ["namespace"] = b.Namespace }
                .OptList("number", b.Ports, p => JsonValue.Create(p)))
            .OptList("resources", c.Resources, Resource);
        return obj;
    }

    private static JsonNode Resource(EnvoyResource r)
    {
        var json = new JsonObject { ["@type"] = r.TypeUrl };
        if (JsonNode.Parse(r.Json) is JsonObject body)
            foreach (var (key, value) in body.ToList())
            {
                body.Remove(key);
                json[key] = value;
            }
        return json;
    }
}
