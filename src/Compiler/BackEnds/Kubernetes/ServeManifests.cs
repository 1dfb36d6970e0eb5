using System.Text.Json.Nodes;
using Meshc.Compiler.BackEnds.Xds;
using Meshc.Compiler.Bundle;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.BackEnds.Kubernetes;

/// <summary>
/// <c>--emit k8s-serve</c>: the manifests that run meshc as a fleet in a cluster (docs/deploy.md). A Deployment runs
/// <c>meshc serve</c> on the inputs mounted from the ConfigMap <c>meshc-inputs</c> (it reads files only, so it needs no
/// RBAC and no service account token); a Service <c>meshc-xds</c> exposes its ADS and admin ports; a DaemonSet runs a
/// <c>meshc run --xds</c> proxy on every node, named after the node and selected as <c>east-west</c> (the listeners
/// of the Services a CiliumEnvoyConfig claims). They are checked against their schemas like the other manifests.
/// </summary>
internal static class ServeManifests
{
    public const string Namespace = "meshc-system";
    public const string InputsConfigMap = "meshc-inputs";
    public const string ServiceName = "meshc-xds";
    public const int XdsPort = 18000;
    public const int AdminPort = 19000;
    public const int ProxyAdminPort = 9964;

    /// <summary>No image is published: this is the name the one built from the repository is expected to carry.</summary>
    public const string Image = "meshc:latest";

    /// <summary>What the proxies and the bootstraps of <c>--emit envoy-ads</c> reach the server at, inside the cluster.</summary>
    public static string ServerAddress => $"{ServiceName}.{Namespace}.svc:{XdsPort}";

    private const string InputsPath = "/etc/meshc/inputs";

    /// <summary>Adds the three manifests to <paramref name="bundle"/>, or none when one breaks its schema (MC0440).</summary>
    public static void Build(DiagnosticBag diagnostics, BundleBuilder bundle)
    {
        var manifests = Render();
        var valid = true;
        foreach (var manifest in manifests)
        {
            foreach (var problem in ManifestValidation.Check(manifest))
            {
                diagnostics.ReportManifestSchemaViolation(SourceLocation.None, manifest.Kind, manifest.Name, problem);
                valid = false;
            }
        }
        if (!valid) return;
        foreach (var manifest in manifests) bundle.AddText(manifest.Path, manifest.Text);
    }

    public static IReadOnlyList<Manifest> Render() =>
    [
        Write("apps/v1", "DaemonSet", "meshc-proxy", Proxy()),
        Write("apps/v1", "Deployment", "meshc-serve", Server()),
        Write("v1", "Service", ServiceName, Service()),
    ];

    private static Manifest Write(string apiVersion, string kind, string name, JsonObject spec)
    {
        var document = new JsonObject
        {
            ["apiVersion"] = apiVersion,
            ["kind"] = kind,
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = Namespace, ["labels"] = Labels(name) },
            ["spec"] = spec,
        };
        return new Manifest(apiVersion, kind, Namespace, name, JsonYamlWriter.Write(document));
    }

    private static JsonObject Labels(string name) => new()
    {
        ["app.kubernetes.io/name"] = name,
        ["app.kubernetes.io/part-of"] = "meshc",
    };

    private static JsonObject Server() => new()
    {
        // One replica: every instance compiles the same inputs into the same versions (content hashes), so more
        // replicas behind the Service would serve the same snapshots; one is what the fleet needs to start with.
        ["replicas"] = 1,
        ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app.kubernetes.io/name"] = "meshc-serve" } },
        ["template"] = new JsonObject
        {
            ["metadata"] = new JsonObject { ["labels"] = Labels("meshc-serve") },
            ["spec"] = new JsonObject
            {
                ["automountServiceAccountToken"] = false,
                ["containers"] = new JsonArray(ServerContainer()),
                ["volumes"] = new JsonArray(new JsonObject
                {
                    ["name"] = "inputs",
                    ["configMap"] = new JsonObject { ["name"] = InputsConfigMap },
                }),
            },
        },
    };

    private static JsonObject Proxy() => new()
    {
        ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app.kubernetes.io/name"] = "meshc-proxy" } },
        ["template"] = new JsonObject
        {
            ["metadata"] = new JsonObject { ["labels"] = Labels("meshc-proxy") },
            ["spec"] = new JsonObject
            {
                ["automountServiceAccountToken"] = false,
                // The proxy listens on the node's addresses, as Cilium's per-node Envoy does.
                ["hostNetwork"] = true,
                ["dnsPolicy"] = "ClusterFirstWithHostNet",
                ["containers"] = new JsonArray(ProxyContainer()),
            },
        },
    };

    private static JsonObject Service() => new()
    {
        ["type"] = "ClusterIP",
        ["selector"] = new JsonObject { ["app.kubernetes.io/name"] = "meshc-serve" },
        ["ports"] = new JsonArray(
            new JsonObject { ["name"] = "xds", ["port"] = XdsPort, ["targetPort"] = "xds", ["protocol"] = "TCP", ["appProtocol"] = "kubernetes.io/h2c" },
            new JsonObject { ["name"] = "admin", ["port"] = AdminPort, ["targetPort"] = "admin", ["protocol"] = "TCP" }),
    };

    private static JsonObject ServerContainer()
    {
        var container = Container("serve", ["serve", InputsPath, "--bind", "0.0.0.0", "--xds-port", Text(XdsPort), "--admin-port", Text(AdminPort)],
            new JsonArray(Port("xds", XdsPort), Port("admin", AdminPort)), capabilities: []);
        container["volumeMounts"] = new JsonArray(new JsonObject { ["name"] = "inputs", ["mountPath"] = InputsPath, ["readOnly"] = true });
        container["readinessProbe"] = new JsonObject { ["httpGet"] = new JsonObject { ["path"] = "/ready", ["port"] = "admin" } };
        return container;
    }

    private static JsonObject ProxyContainer()
    {
        // Its admin port listens on the node's loopback only (a probe would reach the node's address), so no probe.
        var container = Container("proxy",
            ["run", "--xds", ServerAddress, "--node", "$(NODE_NAME)", "--node-cluster", "east-west", "--admin-port", Text(ProxyAdminPort)],
            null, capabilities: ["NET_BIND_SERVICE"]);
        container["env"] = new JsonArray(new JsonObject
        {
            ["name"] = "NODE_NAME",
            ["valueFrom"] = new JsonObject { ["fieldRef"] = new JsonObject { ["fieldPath"] = "spec.nodeName" } },
        });
        return container;
    }

    private static JsonObject Container(string name, string[] args, JsonArray? ports, string[] capabilities) => new()
    {
        ["name"] = name,
        ["image"] = Image,
        ["imagePullPolicy"] = "IfNotPresent",
        ["args"] = new JsonArray([.. args.Select(a => (JsonNode)a)]),
        ["ports"] = ports ?? [],
        ["securityContext"] = new JsonObject
        {
            ["allowPrivilegeEscalation"] = false,
            ["capabilities"] = new JsonObject
            {
                ["drop"] = new JsonArray("ALL"),
                ["add"] = new JsonArray([.. capabilities.Select(c => (JsonNode)c)]),
            },
        },
    };

    private static JsonObject Port(string name, int port) => new() { ["name"] = name, ["containerPort"] = port, ["protocol"] = "TCP" };

    private static string Text(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
