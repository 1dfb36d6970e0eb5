using System.Text.Json.Nodes;
using Meshc.Compiler.Semantics;
using Meshc.Compiler.Tests.BackEnds.Kubernetes;
using Meshc.Compiler.Tests.Passes;

namespace Meshc.Compiler.Tests.BackEnds.Xds.Gateway;

/// <summary>
/// Each of the 14 inputs of Cilium's GAMMA reconciler tests (shared/upstream/cilium-gamma-testdata) compiled with
/// <c>--emit k8s</c> and held against what Cilium's reconciler writes for it (its gamma testdata outputs, at the
/// commits the corpus README names), fact by fact: the CiliumEnvoyConfig's name, annotation and label, its
/// <c>services</c> and <c>backendServices</c>, the listener, the route configuration's virtual hosts and routes in
/// order, the clusters, and the route status. Deliberate differences are written where they apply (docs/conformance.md,
/// "Mesh"): a parentRef without a port gives one virtual host per port instead of Cilium's one virtual host whose
/// weighted clusters list each backend once per port; gRPC backends get explicit HTTP/2, as on a Gateway; scheme
/// redirects carry no X-Forwarded-Proto guard (newer Cilium adds one). And a redirect without <c>statusCode</c> is a
/// 302 (<c>FOUND</c>) here: the API server applies the CRD's default 302, and meshc's reader does the same, while
/// Cilium's test client skips defaulting, so its expected outputs show Envoy's proto default (301, written as nothing).
/// </summary>
public sealed class CiliumGammaCasesTests
{
    private const string Ns = "gateway-conformance-mesh";
    private const string V1At80 = Ns + ":echo-v1:80";
    private const string V1At8080 = Ns + ":echo-v1:8080";
    private const string V2At80 = Ns + ":echo-v2:80";
    private const string V2At8080 = Ns + ":echo-v2:8080";

    /// <summary>One generated CEC: its Service, the route named in its label, the redirected ports, the backend Services, and each virtual host's routes.</summary>
    public sealed record Expected(string Service, string Route, int[] Ports, string[] BackendServices, (string Host, string[] Routes)[] VirtualHosts, string[] Clusters)
    {
        public string Kind { get; init; } = "HTTPRoute";
    }

    private static readonly string[] ByPort80 = ["*"];

    public static TheoryData<string> Cases() => new(Expectations.Keys.Order(StringComparer.Ordinal));

    private static readonly Dictionary<string, Expected[]> Expectations = new(StringComparer.Ordinal)
    {
        ["mesh-basic"] =
        [
            new("echo", "gateway-conformance-mesh-test", [80], ["echo-v1:8080"], [("*", ["prefix:/ -> " + V1At8080])], [V1At8080]),
        ],
        ["mesh-frontend"] =
        [
            // Cilium: one vhost "*" whose route lists echo-v2:80 twice (weight 1 each), once per port.
            new("echo-v2", "mesh-split-v1", [80, 8080], ["echo-v2:80"],
                [("*", ["prefix:/ resp=X-Header-Set:set -> " + V2At80]), ("*:8080", ["prefix:/ resp=X-Header-Set:set -> " + V2At80])], [V2At80]),
        ],
        ["mesh-grpc-weight"] =
        [
            new("echo", "mesh-grpc-weighted-backends", [7070], ["echo-v1:7070", "echo-v2:7070"],
                [("*", [$"prefix:/ -> {Ns}:echo-v1:7070*70,{Ns}:echo-v2:7070*30"])], [Ns + ":echo-v1:7070", Ns + ":echo-v2:7070"]) { Kind = "GRPCRoute" },
        ],
        ["mesh-matching"] =
        [
            new("echo", "mesh-matching", [80], ["echo-v1:8080", "echo-v2:8080"],
                [("*",
                [
                    "psp:/v2 -> " + V2At8080,
                    "prefix:/ h:version=one -> " + V1At8080,
                    "prefix:/ h:version=two -> " + V2At8080,
                    "prefix:/ -> " + V1At8080,
                ])], [V1At8080, V2At8080]),
        ],
        ["mesh-ports"] =
        [
            new("echo-v1", "mesh-split-v1", [80], ["echo-v1:80"], [("*", ["prefix:/ resp=X-Header-Set:v1 -> " + V1At80])], [V1At80]),
            new("echo-v2", "mesh-split-v2", [80, 8080], ["echo-v2:80"],
                [("*", ["prefix:/ resp=X-Header-Set:v2 -> " + V2At80]), ("*:8080", ["prefix:/ resp=X-Header-Set:v2 -> " + V2At80])], [V2At80]),
        ],
        ["mesh-query-param-matching"] =
        [
            new("echo", "mesh-query-param-matching", [80], ["echo-v1:8080", "echo-v2:8080"],
                [("*",
                [
                    "psp:/path4 h:version=three q:animal=kraken -> " + V1At8080,
                    "psp:/path1 q:animal=whale -> " + V1At8080,
                    "psp:/path3 q:animal=shark -> " + V1At8080,
                    "psp:/path5 -> " + V1At8080,
                    "prefix:/ h:version=one q:animal=whale -> " + V2At8080,
                    "prefix:/ q:animal=whale -> " + V1At8080,
                    "prefix:/ q:animal=dolphin -> " + V2At8080,
                    "prefix:/ q:animal=hydra -> " + V2At8080,
                ])], [V1At8080, V2At8080]),
        ],
        ["mesh-redirect-host-and-status"] =
        [
            new("echo", "mesh-redirect-host-and-status", [80], [],
                [("*",
                [
                    "psp:/hostname-redirect -> redirect host=example.org port=80 code=FOUND",
                    "psp:/host-and-status -> redirect host=example.org port=80",
                ])], []),
        ],
        ["mesh-redirect-path"] =
        [
            new("echo", "mesh-redirect-path", [80], [],
                [("*",
                [
                    "psp:/full-path-and-status -> redirect path=/replacement-full port=80",
                    "psp:/full-path-and-host -> redirect host=example.org path=/replacement-full port=80 code=FOUND",
                    "psp:/original-prefix -> redirect port=80 prefix=/replacement-prefix code=FOUND",
                    "psp:/path-and-status -> redirect port=80 prefix=/replacement-prefix",
                    "psp:/path-and-host -> redirect host=example.org port=80 prefix=/replacement-prefix code=FOUND",
                    "psp:/full -> redirect path=/full-path-replacement port=80 code=FOUND",
                ])], []),
        ],
        ["mesh-redirect-port"] =
        [
            new("echo", "mesh-redirect-port", [80], [],
                [("*",
                [
                    "psp:/port-and-host-and-status -> redirect host=example.org port=8083 code=FOUND",
                    "psp:/port-and-status -> redirect port=8083",
                    "psp:/port-and-host -> redirect host=example.org port=8083 code=FOUND",
                    "psp:/port -> redirect port=8083 code=FOUND",
                ])], []),
        ],
        ["mesh-redirect-scheme"] =
        [
            new("echo", "mesh-redirect-scheme", [80], [],
                [("*",
                [
                    "psp:/scheme-and-host-and-status -> redirect host=example.org port=443 code=FOUND scheme=https",
                    "psp:/scheme-and-status -> redirect port=443 scheme=https",
                    "psp:/scheme-and-host -> redirect host=example.org port=443 code=FOUND scheme=https",
                    "psp:/scheme -> redirect port=443 code=FOUND scheme=https",
                ])], []),
        ],
        ["mesh-request-header-modifier"] =
        [
            new("echo", "mesh-request-header-modifier", [80], ["echo-v1:8080"],
                [("*",
                [
                    "psp:/case-insensitivity req+X-Header-Add:header-add req=X-Header-Set:header-set req-X-Header-Remove -> " + V1At8080,
                    "psp:/multiple req+X-Header-Add-1:header-add-1 req+X-Header-Add-2:header-add-2 req+X-Header-Add-3:header-add-3 " +
                        "req=X-Header-Set-1:header-set-1 req=X-Header-Set-2:header-set-2 req-X-Header-Remove-1 req-X-Header-Remove-2 -> " + V1At8080,
                    "psp:/remove req-X-Header-Remove -> " + V1At8080,
                    "psp:/set req=X-Header-Set:set-overwrites-values -> " + V1At8080,
                    "psp:/add req+X-Header-Add:add-appends-values -> " + V1At8080,
                ])], [V1At8080]),
        ],
        ["mesh-rewrite-path"] =
        [
            new("echo", "mesh-rewrite-path", [80], ["echo-v1:80"],
                [("*",
                [
                    "psp:/prefix/rewrite-path-and-modify-headers req+X-Header-Add:header-val-1 req+X-Header-Add-Append:header-val-2 " +
                        "req=X-Header-Set:set-overwrites-values req-X-Header-Remove -> " + V1At80 + " prefix_rewrite=/prefix",
                    "psp:/full/rewrite-path-and-modify-headers req+X-Header-Add:header-val-1 req+X-Header-Add-Append:header-val-2 " +
                        "req=X-Header-Set:set-overwrites-values req-X-Header-Remove -> " + V1At80 + " regex_rewrite=^/.*$=>/test",
                    "psp:/strip-prefix -> " + V1At80 + @" regex_rewrite=^/strip-prefix(/?)(.*)=>/\2",
                    "psp:/prefix/one -> " + V1At80 + " prefix_rewrite=/one",
                    "psp:/full/one -> " + V1At80 + " regex_rewrite=^/.*$=>/one",
                ])], [V1At80]),
        ],
        ["mesh-split"] =
        [
            // Cilium: one vhost "*" whose two routes list their cluster twice (weight 1 each), once per port.
            new("echo", "mesh-split", [80, 8080], ["echo-v1:80", "echo-v2:80"],
                [("*", ["path:/v1 -> " + V1At80, "path:/v2 -> " + V2At80]), ("*:8080", ["path:/v1 -> " + V1At80, "path:/v2 -> " + V2At80])],
                [V1At80, V2At80]),
        ],
        ["mesh-weighted-backends"] =
        [
            new("echo", "mesh-weighted-backends", [80], ["echo-v1:8080", "echo-v2:8080"],
                [("*", [$"prefix:/ -> {V1At8080}*70,{V2At8080}*30"])], [V1At8080, V2At8080]),
        ],
    };

    [SharedFact(UpstreamCorpus.SharedFolder)]
    public void Cases_AreEveryCaseOfTheCorpus()
    {
        var folders = Directory.EnumerateDirectories(UpstreamCorpus.CiliumGammaDir).Select(Path.GetFileName).Where(n => n != "base");
        Assert.Equal(folders.Order(StringComparer.Ordinal), Expectations.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(14, Expectations.Count);
    }

    [SharedTheory(UpstreamCorpus.SharedFolder)]
    [MemberData(nameof(Cases))]
    public void Case_CompilesToCiliumsCiliumEnvoyConfigAndStatus(string name)
    {
        var sources = UpstreamCorpus.CiliumGammaSources(name).ToList();
        var files = ManifestFixture.Compile(sources);
        var generated = files.Keys.Where(k => k.StartsWith($"k8s/{Ns}/ciliumenvoyconfig-", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Expectations[name].Select(e => $"k8s/{Ns}/ciliumenvoyconfig-{e.Service}.yaml"), generated);
        foreach (var expected in Expectations[name]) Check(ManifestFixture.Read(files, $"k8s/{Ns}/ciliumenvoyconfig-{expected.Service}.yaml"), expected);

        // Every route: one parent entry, the Service parentRef as written, Accepted and ResolvedRefs.
        var status = Compilation.Create(sources).Check().Status;
        Assert.NotEmpty(status.Routes);
        foreach (var route in status.Routes)
        {
            var parent = Assert.Single(route.Parents);
            Assert.Equal(("", "Service", "io.cilium/gateway-controller"), (parent.ParentRef.Group, parent.ParentRef.Kind, parent.ControllerName));
            Assert.All(new[] { ConditionType.Accepted, ConditionType.ResolvedRefs }, t => Assert.True(parent.Conditions.Single(c => c.Type == t).Status, $"{route.Object} {t}"));
        }
    }

    private static void Check(JsonObject cec, Expected expected)
    {
        var metadata = cec["metadata"]!.AsObject();
        Assert.Equal((expected.Service, Ns), ((string)metadata["name"]!, (string)metadata["namespace"]!));
        Assert.Equal("""{"cec.cilium.io/use-original-source-address":"true"}""", metadata["annotations"]!.ToJsonString());
        Assert.Equal($$"""{"gateway.networking.k8s.io/gateway-name":"{{expected.Route}}"}""", metadata["labels"]!.ToJsonString());

        var spec = cec["spec"]!.AsObject();
        var service = Assert.Single(spec["services"]!.AsArray())!;
        Assert.Equal((expected.Service, Ns, ""), ((string)service["name"]!, (string)service["namespace"]!, (string)service["listener"]!));
        Assert.Equal(expected.Ports, service["ports"]!.AsArray().Select(p => (int)(long)p!));
        Assert.Equal(expected.BackendServices,
            (spec["backendServices"]?.AsArray() ?? []).SelectMany(b => b!["number"]!.AsArray().Select(n => $"{(string)b["name"]!}:{(string)n!}")));

        var resources = spec["resources"]!.AsArray().Select(r => r!.AsObject()).ToList();
        var listener = resources[0];
        Assert.Equal(("type.googleapis.com/envoy.config.listener.v3.Listener", "listener"), ((string)listener["@type"]!, (string)listener["name"]!));
        var chain = Assert.Single(listener["filterChains"]!.AsArray())!;
        Assert.Equal("raw_buffer", (string)chain["filterChainMatch"]!["transportProtocol"]!);
        Assert.Equal("listener-insecure", (string)chain["filters"]![0]!["typedConfig"]!["rds"]!["routeConfigName"]!);

        var routes = resources[1];
        Assert.Equal("listener-insecure", (string)routes["name"]!);
        var hosts = routes["virtualHosts"]!.AsArray().Select(v => ((string)v!["name"]!, v["routes"]!.AsArray().Select(r => Summary(r!.AsObject())).ToArray())).ToList();
        Assert.Equal(expected.VirtualHosts.Select(h => h.Host), hosts.Select(h => h.Item1));
        foreach (var ((host, want), (_, got)) in expected.VirtualHosts.Zip(hosts)) Assert.True(want.SequenceEqual(got), $"vhost {host}:\n{string.Join("\n", got)}");

        var clusters = resources.Skip(2).ToList();
        Assert.Equal(expected.Clusters, clusters.Select(c => (string)c["name"]!));
        foreach (var cluster in clusters)
        {
            Assert.Equal("EDS", (string)cluster["type"]!);
            // ns:svc:port reads its endpoints from the global ns/svc:port.
            var parts = ((string)cluster["name"]!).Split(':');
            Assert.Equal($"{parts[0]}/{parts[1]}:{parts[2]}", (string)cluster["edsClusterConfig"]!["serviceName"]!);
            Assert.True((bool)cluster["outlierDetection"]!["splitExternalLocalOriginErrors"]!);
        }
    }

    /// <summary>A route as one line: its match, its header edits, then its action.</summary>
    private static string Summary(JsonObject route)
    {
        var match = route["match"]!.AsObject();
        var parts = new List<string>();
        foreach (var kind in new[] { "path", "prefix", "pathSeparatedPrefix" })
            if (match[kind] is { } value) parts.Add((kind == "pathSeparatedPrefix" ? "psp" : kind) + ":" + (string)value!);
        foreach (var h in match["headers"]?.AsArray() ?? []) parts.Add($"h:{(string)h!["name"]!}={(string)h["stringMatch"]!["exact"]!}");
        foreach (var q in match["queryParameters"]?.AsArray() ?? []) parts.Add($"q:{(string)q!["name"]!}={(string)q["stringMatch"]!["exact"]!}");
        foreach (var (list, prefix) in new[] { ("requestHeadersToAdd", "req"), ("responseHeadersToAdd", "resp") })
            foreach (var h in route[list]?.AsArray() ?? [])
                parts.Add(prefix + ((string?)h!["appendAction"] == "OVERWRITE_IF_EXISTS_OR_ADD" ? "=" : "+") + $"{(string)h["header"]!["key"]!}:{(string)h["header"]!["value"]!}");
        foreach (var h in route["requestHeadersToRemove"]?.AsArray() ?? []) parts.Add("req-" + (string)h!);
        parts.Add("->");
        if (route["redirect"] is JsonObject redirect)
        {
            parts.Add("redirect");
            foreach (var (field, label) in new[] { ("hostRedirect", "host"), ("pathRedirect", "path"), ("portRedirect", "port"), ("prefixRewrite", "prefix"), ("responseCode", "code"), ("schemeRedirect", "scheme") })
                if (redirect[field] is { } v) parts.Add($"{label}={v.ToJsonString().Trim('"')}");
        }
        else if (route["route"] is JsonObject action)
        {
            parts.Add(action["cluster"] is { } cluster
                ? (string)cluster!
                : string.Join(",", action["weightedClusters"]!["clusters"]!.AsArray().Select(c => $"{(string)c!["name"]!}*{(long)c["weight"]!}")));
            if (action["prefixRewrite"] is { } prefix) parts.Add("prefix_rewrite=" + (string)prefix!);
            if (action["regexRewrite"] is { } regex) parts.Add($"regex_rewrite={(string)regex["pattern"]!["regex"]!}=>{(string)regex["substitution"]!}");
        }
        return string.Join(" ", parts);
    }
}
