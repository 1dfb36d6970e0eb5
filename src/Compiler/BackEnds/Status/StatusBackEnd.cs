using System.Text.Json.Nodes;
using Meshc.Compiler.Bundle;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Output;
using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.BackEnds.Status;

/// <summary>
/// Writes the Gateway API status of each object meshc owns under <c>status/&lt;resource&gt;/[&lt;namespace&gt;/]&lt;name&gt;.yaml</c>,
/// shaped as the object's <c>status</c> stanza. lastTransitionTime is left out: the bundle must not depend on the clock.
/// </summary>
internal static class StatusBackEnd
{
    /// <summary>The status files of a report as bundle files (encoded and hashed), in report order.</summary>
    public static IReadOnlyList<BundleFile> Files(StatusReport report) =>
        [.. Render(report).Select(f => BundleFile.Text(f.Path, f.Text))];

    /// <summary>The status files (bundle path and YAML text) of a report, in report order.</summary>
    public static IReadOnlyList<(string Path, string Text)> Render(StatusReport report)
    {
        var files = new List<(string, string)>();
        foreach (var c in report.GatewayClasses)
            Add(files, c.Object, "GatewayClass", new JsonObject
            {
                ["conditions"] = Conditions(c.Conditions),
                ["supportedFeatures"] = new JsonArray(c.SupportedFeatures.Select(f => (JsonNode)new JsonObject { ["name"] = f }).ToArray()),
            });
        foreach (var g in report.Gateways)
        {
            var status = new JsonObject
            {
                ["addresses"] = new JsonArray(g.Addresses.Select(a => (JsonNode)new JsonObject { ["type"] = "IPAddress", ["value"] = a }).ToArray()),
                ["conditions"] = Conditions(g.Conditions),
                ["listeners"] = new JsonArray(g.Listeners.Select(Listener).ToArray()),
            };
            if (g.AttachedListenerSets is { } attached) status["attachedListenerSets"] = attached;
            Add(files, g.Object, "Gateway", status);
        }
        foreach (var s in report.ListenerSets)
            Add(files, s.Object, "ListenerSet", new JsonObject
            {
                ["conditions"] = Conditions(s.Conditions),
                ["listeners"] = new JsonArray(s.Listeners.Select(Listener).ToArray()),
            });
        foreach (var r in report.Routes)
            Add(files, r.Object, r.Object.Kind.ToString(), new JsonObject
            {
                ["parents"] = new JsonArray(r.Parents.Select(Parent).ToArray()),
            });
        foreach (var p in report.Policies)
            Add(files, p.Object, p.Object.Kind.ToString(), new JsonObject
            {
                ["ancestors"] = new JsonArray(p.Ancestors.Select(a => (JsonNode)new JsonObject
                {
                    ["ancestorRef"] = new JsonObject
                    {
                        ["group"] = a.AncestorRef.Group,
                        ["kind"] = a.AncestorRef.Kind,
                        ["namespace"] = a.AncestorRef.Namespace,
                        ["name"] = a.AncestorRef.Name,
                    },
                    ["controllerName"] = a.ControllerName,
                    ["conditions"] = Conditions(a.Conditions),
                }).ToArray()),
            });
        return files;
    }

    private static void Add(List<(string, string)> files, ObjectKey key, string kind, JsonObject status)
    {
        var metadata = new JsonObject { ["name"] = key.Name };
        if (key.Namespace.Length > 0) metadata["namespace"] = key.Namespace;
        var doc = new JsonObject
        {
            ["apiVersion"] = "gateway.networking.k8s.io/v1",
            ["kind"] = kind,
            ["metadata"] = metadata,
            ["status"] = status,
        };
        files.Add(($"status/{Plural(kind)}/{key.QualifiedName}.yaml", YamlText.Write(doc)));
    }

    private static string Plural(string kind) => kind.ToLowerInvariant() switch
    {
        "gatewayclass" => "gatewayclasses",
        "backendtlspolicy" => "backendtlspolicies",
        var k => k + "s",
    };

    private static JsonNode Listener(ListenerStatus l) => new JsonObject
    {
        ["name"] = l.Name,
        ["supportedKinds"] = new JsonArray(l.SupportedKinds.Select(k => (JsonNode)new JsonObject { ["group"] = k.Group, ["kind"] = k.Kind }).ToArray()),
        ["attachedRoutes"] = l.AttachedRoutes,
        ["conditions"] = Conditions(l.Conditions),
    };

    private static JsonNode Parent(RouteParentStatus p)
    {
        var parentRef = new JsonObject { ["group"] = p.ParentRef.Group, ["kind"] = p.ParentRef.Kind };
        if (p.ParentRef.Namespace is { } ns) parentRef["namespace"] = ns;
        parentRef["name"] = p.ParentRef.Name;
        if (p.ParentRef.SectionName is { } section) parentRef["sectionName"] = section;
        if (p.ParentRef.Port is { } port) parentRef["port"] = port;
        return new JsonObject
        {
            ["parentRef"] = parentRef,
            ["controllerName"] = p.ControllerName,
            ["conditions"] = Conditions(p.Conditions),
        };
    }

    private static JsonArray Conditions(IEnumerable<Condition> conditions) => new(conditions
        .OrderBy(c => c.Type)
        .Select(c => (JsonNode)new JsonObject
        {
            ["type"] = c.Type.ToString(),
            ["status"] = c.Status ? "True" : "False",
            ["reason"] = c.Reason.ToString(),
            ["message"] = c.Message,
            ["observedGeneration"] = c.ObservedGeneration,
        })
        .ToArray());
}
