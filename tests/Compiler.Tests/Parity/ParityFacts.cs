using System.Text.Json;
using Meshc.Compiler.BackEnds.Xds.Gateway;
using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Tests.Parity;

/// <summary>
/// The facts of one compilation that are compared with Cilium's reconciler: per Gateway its conditions, each
/// listener's attachedRoutes and conditions, whether it has a CiliumEnvoyConfig (the filter chains of its listener and
/// the ports of its Service), each virtual host (routes, and how many answer 500), and the conditions every route
/// writes for it. One fact is <c>subject</c> → <c>value</c>, in the text form of <c>cilium-gateway-testdata.facts</c>.
/// </summary>
internal static class ParityFacts
{
    public static SortedDictionary<string, string> Of(EmitResult result, IReadOnlyCollection<string> gateways)
    {
        var facts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var bundle = result.Bundle ?? throw new InvalidOperationException("no bundle");
        var listeners = Resources(bundle, "xds/listeners.json");
        var routeConfigs = Resources(bundle, "xds/routes.json");
        using var redirects = JsonDocument.Parse(bundle.Files.Single(f => f.Path == "xds/redirects.json").Content);
        foreach (var qualified in gateways)
        {
            var (ns, name) = Split(qualified);
            var status = result.Status.Gateways.FirstOrDefault(g => g.Object.Namespace == ns && g.Object.Name == name);
            facts[$"gateway {qualified}"] = Conditions(status?.Conditions ?? default);
            foreach (var listener in status?.Listeners ?? default)
                facts[$"listener {qualified} {listener.Name}"] = $"attached={listener.AttachedRoutes} {Conditions(listener.Conditions)}";
            var cec = CecNaming.CecName(name);
            var envoyListener = listeners.FirstOrDefault(l => l.GetProperty("name").GetString() == $"{ns}/{cec}/listener");
            if (envoyListener.ValueKind == JsonValueKind.Undefined)
            {
                facts[$"cec {qualified}"] = "none";
                continue;
            }
            var chains = Array(envoyListener, "filterChains").Select(Chain).Order(StringComparer.Ordinal);
            var ports = Array(redirects.RootElement, "services")
                .Where(s => s.GetProperty("namespace").GetString() == ns && s.GetProperty("name").GetString() == cec)
                .SelectMany(s => Array(s, "ports")).Select(p => p.GetInt32()).Order();
            facts[$"cec {qualified}"] = $"chains={string.Join(",", chains)} ports={string.Join(",", ports)}";
            foreach (var routeConfig in routeConfigs.Where(r => r.GetProperty("name").GetString()!.StartsWith($"{ns}/{cec}/", StringComparison.Ordinal)))
            {
                var rc = routeConfig.GetProperty("name").GetString()!.Split('/')[^1];
                foreach (var host in Array(routeConfig, "virtualHosts"))
                {
                    var domains = string.Join(",", Array(host, "domains").Select(d => d.GetString()));
                    var routes = Array(host, "routes").ToList();
                    var errors = routes.Count(r => r.TryGetProperty("directResponse", out var d) && d.GetProperty("status").GetInt32() == 500);
                    facts[$"vhost {qualified} {rc} {domains}"] = $"routes={routes.Count} 500={errors}";
                }
            }
        }
        foreach (var route in result.Status.Routes)
        foreach (var parent in route.Parents)
        {
            var gateway = $"{parent.ParentRef.Namespace ?? route.Object.Namespace}/{parent.ParentRef.Name}";
            if (!gateways.Contains(gateway)) continue;
            var key = $"route {route.Object.Kind} {route.Object.QualifiedName} parent {gateway}" +
                (parent.ParentRef.SectionName is { } section ? " sectionName=" + section : "") +
                (parent.ParentRef.Port is { } port ? " port=" + port : "");
            facts[key] = Conditions(parent.Conditions);
        }
        return facts;
    }

    private static string Conditions(Ir.ValueList<Condition> conditions) =>
        string.Join(" ", conditions.Select(c => $"{c.Type}={(c.Status ? "True" : "False")}/{c.Reason}").Order(StringComparer.Ordinal));

    /// <summary><c>raw_buffer</c>, <c>tls</c>, or <c>tls:a.example.com+b.example.com</c> (server names sorted).</summary>
    private static string Chain(JsonElement chain)
    {
        if (!chain.TryGetProperty("filterChainMatch", out var match)) return "";
        var protocol = match.TryGetProperty("transportProtocol", out var p) ? p.GetString() : "";
        var names = Array(match, "serverNames").Select(n => n.GetString()!).Order(StringComparer.Ordinal).ToList();
        return names.Count == 0 ? protocol! : $"{protocol}:{string.Join("+", names)}";
    }

    private static List<JsonElement> Resources(Bundle.CompiledBundle bundle, string path)
    {
        using var document = JsonDocument.Parse(bundle.Files.Single(f => f.Path == path).Content);
        return [.. Array(document.RootElement, "resources").Select(r => r.Clone())];
    }

    private static IEnumerable<JsonElement> Array(JsonElement element, string property) =>
        element.TryGetProperty(property, out var array) ? array.EnumerateArray() : [];

    private static (string Namespace, string Name) Split(string qualified)
    {
        var slash = qualified.IndexOf('/', StringComparison.Ordinal);
        return (qualified[..slash], qualified[(slash + 1)..]);
    }
}
