using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Meshc.Compiler.BackEnds.Xds;
using Meshc.Compiler.Ir;
using Meshc.EnvoyApi;

namespace Meshc.Compiler.BackEnds.Kubernetes;

/// <summary>Builds the view of a CiliumEnvoyConfig: from a Gateway's translation, or from an input object.</summary>
internal static class CecViewBuilder
{
    public const string ApiVersion = "cilium.io/v2";
    public const string Kind = "CiliumEnvoyConfig";
    public const string ClusterwideKind = "CiliumClusterwideEnvoyConfig";

    // The template writes each resource as a list item at depth 2 ("  - "); continuation lines must sit deeper.
    private const string ResourceIndent = "    ";

    /// <summary>
    /// The CEC Cilium's operator writes for a Gateway or a GAMMA parent Service: the translation before agent
    /// completion (names unqualified, no config sources), owned by the Gateway or the route (<c>controller: true</c>).
    /// </summary>
    public static CecView FromTranslation(CecModel cec) => new(
        Kind,
        new ObjectMetaView(cec.Name, cec.Namespace, ObjectMetaView.Sorted(cec.Labels), ObjectMetaView.Sorted(cec.Annotations),
            OwnerView.Of(cec.From)),
        Services(cec.Services),
        BackendServices(cec.BackendServices),
        cec.Resources.Select(r => Indent(EnvoyJson.FormatIndented(Any.Pack(r)))).ToList());

    /// <summary>An input CEC/CCEC as given, normalized: maps sorted, resources as canonical proto-JSON with "@type".</summary>
    public static CecView FromInput(EnvoyConfig config) => new(
        config.Clusterwide ? ClusterwideKind : Kind,
        new ObjectMetaView(config.Meta.Name, config.Clusterwide ? "" : config.Meta.Namespace,
            ObjectMetaView.Sorted(config.Meta.Labels), ObjectMetaView.Sorted(config.Meta.Annotations), null),
        Services(config.Services),
        BackendServices(config.BackendServices),
        config.Resources.Select(r => Indent(WithType(r))).ToList());

    private static List<CecServiceView> Services(IEnumerable<EnvoyServiceRef> services) =>
        services.Select(s => new CecServiceView(s.Name, s.Namespace, [.. s.Ports], s.Listener)).ToList();

    private static List<CecBackendServiceView> BackendServices(IEnumerable<EnvoyBackendServiceRef> services) =>
        services.Select(s => new CecBackendServiceView(s.Name, s.Namespace, [.. s.Ports])).ToList();

    // The IR keeps a resource's canonical JSON; the manifest needs it as an Any, i.e. with "@type" first.
    private static string WithType(EnvoyResource resource)
    {
        var body = JsonNode.Parse(resource.Json)?.AsObject() ?? [];
        var any = new JsonObject { ["@type"] = resource.TypeUrl };
        foreach (var (key, value) in body.ToList())
        {
            if (key == "@type") continue;
            body.Remove(key);
            any[key] = value;
        }
        return any.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static string Indent(string json) => json.ReplaceLineEndings("\n").Replace("\n", "\n" + ResourceIndent);
}
