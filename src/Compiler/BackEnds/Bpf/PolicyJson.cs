using System.Text;
using System.Text.Json;

namespace Meshc.Compiler.BackEnds.Bpf;

/// <summary>
/// <c>bpf/policy.json</c>: what a reader of the maps needs beside the bytes — every identity with its labels, every
/// endpoint with its id, workload, identity and pod labels, the rule behind each cookie, the HTTP proxy ports, the
/// HTTP rules each endpoint's proxy enforces, and the Service frontends with their backend (target) ports
/// (docs/bpf.md). Sorted, indented, newline-terminated.
/// </summary>
internal static class PolicyJson
{
    public static string Write(BpfBackEnd.BpfMaps maps)
    {
        var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteStartObject("proxyPorts");
            json.WriteNumber("ingress", maps.ProxyPorts.Ingress);
            json.WriteNumber("egress", maps.ProxyPorts.Egress);
            json.WriteEndObject();
            json.WriteStartArray("identities");
            foreach (var identity in maps.Identities.Identities)
            {
                json.WriteStartObject();
                json.WriteNumber("id", identity.Id);
                json.WriteString("labels", identity.Display);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("endpoints");
            foreach (var endpoint in maps.Endpoints)
            {
                json.WriteStartObject();
                json.WriteNumber("id", endpoint.Id);
                json.WriteString("workload", endpoint.Workload.Key.QualifiedName);
                json.WriteNumber("identity", endpoint.Identity);
                json.WriteString("map", endpoint.Map.Name);
                json.WriteStartArray("http");
                foreach (var rules in endpoint.HttpRules) WriteHttp(json, rules);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("rules");
            foreach (var rule in maps.Rules)
            {
                json.WriteStartObject();
                json.WriteNumber("cookie", rule.Cookie);
                json.WriteString("policy", rule.Policy);
                json.WriteString("rule", rule.Rule);
                json.WriteString("origin", rule.Origin.ToString());
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("frontends");
            foreach (var frontend in maps.Frontends)
            {
                json.WriteStartObject();
                json.WriteString("service", frontend.Service);
                json.WriteString("address", ClusterIps.Format(frontend.Address));
                json.WriteNumber("port", frontend.Port);
                json.WriteNumber("targetPort", frontend.TargetPort);
                json.WriteNumber("protocol", frontend.Protocol);
                json.WriteNumber("l7ProxyPort", frontend.L7ProxyPort);
                json.WriteStartArray("backends");
                foreach (var (address, port) in frontend.Backends) json.WriteStringValue($"{ClusterIps.Format(address)}:{port}");
                json.WriteEndArray();
                json.WriteStartArray("endpoints");
                foreach (var id in maps.ServiceEndpoints.GetValueOrDefault(frontend.Service) ?? []) json.WriteNumberValue(id);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteHttp(Utf8JsonWriter json, PolicyHttpRules rules)
    {
        json.WriteStartObject();
        json.WriteNumber("cookie", rules.Cookie);
        json.WriteBoolean("egress", rules.Egress);
        json.WriteStartArray("identities");
        foreach (var id in rules.Identities) json.WriteNumberValue(id);
        json.WriteEndArray();
        json.WriteNumber("firstPort", rules.FirstPort);
        json.WriteNumber("lastPort", rules.LastPort);
        json.WriteStartArray("rules");
        foreach (var http in rules.Http)
        {
            json.WriteStartObject();
            if (http.Method is { } method) json.WriteString("method", method);
            if (http.Path is { } path) json.WriteString("path", path);
            json.WriteStartArray("headers");
            foreach (var header in http.Headers) json.WriteStringValue(header);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
