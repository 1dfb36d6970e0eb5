using System.Text.Json.Nodes;
using Meshc.Compiler.BackEnds.Kubernetes;
using Meshc.Compiler.Schemas;

namespace Meshc.Compiler.Tests.BackEnds.Kubernetes;

/// <summary>
/// schemas/ keeps only the spec of Gateway API kinds (inputs never need status), so status patches are checked here
/// against the status schema of the upstream CRDs themselves (shared/upstream/crds), checked by the same JsonSchema.Net
/// evaluation, which keeps their oneOf and date-time format as they are.
/// </summary>
public sealed class StatusPatchSchemaTests
{
    // OpenAPI and CRD-only keywords that are not JSON Schema and do not constrain what a status patch may hold
    // (defaults, CEL rules, list semantics, nullability of fields meshc always fills in).
    private static readonly string[] Dropped = ["default", "nullable", "x-kubernetes-validations", "x-kubernetes-list-type", "x-kubernetes-list-map-keys", "x-kubernetes-map-type", "x-kubernetes-preserve-unknown-fields", "x-kubernetes-int-or-string"];

    private static CompiledSchema StatusSchema(string crdFile)
    {
        var shared = SharedMaterial.Path("upstream/crds");
        var crd = Assert.Single(ManifestYaml.Parse(File.ReadAllText(Path.Combine(shared, "gateway-api", "experimental", crdFile))));
        var version = crd["spec"]!["versions"]!.AsArray().Single(v => (string?)v!["name"] == "v1")!;
        var status = JsonNode.Parse(version["schema"]!["openAPIV3Schema"]!["properties"]!["status"]!.ToJsonString())!.AsObject();
        Strip(status);
        return CompiledSchema.Parse(status.ToJsonString(), new Uri($"https://meshc.invalid/tests/status/{crdFile}"));
    }

    private static void Strip(JsonObject schema)
    {
        foreach (var key in Dropped) schema.Remove(key);
        // Integer widths, which JSON Schema has no format for: every value meshc writes is far inside them.
        if ((string?)schema["format"] is "int32" or "int64") schema.Remove("format");
        foreach (var (key, value) in schema.ToList())
        {
            if (key == "properties" && value is JsonObject properties)
                foreach (var (_, property) in properties) Strip(property!.AsObject());
            else if (value is JsonObject child) Strip(child);
            else if (value is JsonArray list)
                foreach (var item in list.OfType<JsonObject>()) Strip(item);
        }
    }

    private static IReadOnlyDictionary<string, string> Files => ManifestFixture.Compile(
        ManifestFixture.Load(ManifestFixture.Example("gateway-echo"), ManifestFixture.Example("gateway-redirects"))
            .Where(s => !s.Path.Contains("90-10", StringComparison.Ordinal)));

    [SharedTheory("upstream/crds")]
    [InlineData("Gateway", "gateway.networking.k8s.io_gateways.yaml")]
    [InlineData("HTTPRoute", "gateway.networking.k8s.io_httproutes.yaml")]
    public void StatusPatch_Emitted_PassesUpstreamStatusSchema(string kind, string crdFile)
    {
        var schema = StatusSchema(crdFile);
        var patches = Files.Where(f => f.Key.EndsWith(".status.yaml", StringComparison.Ordinal))
            .Select(f => Assert.Single(ManifestYaml.Parse(f.Value)))
            .Where(d => (string?)d["kind"] == kind)
            .ToList();
        Assert.NotEmpty(patches);
        foreach (var patch in patches) Assert.Empty(SchemaEvaluation.Validate(schema, patch["status"]).Select(v => v.Detail));
    }

    [SharedFact("upstream/crds")]
    public void StatusPatch_WithoutTransitionTime_FailsUpstreamStatusSchema()
    {
        var schema = StatusSchema("gateway.networking.k8s.io_gateways.yaml");
        var broken = JsonNode.Parse("""{"conditions": [{"type": "Accepted", "status": "True", "reason": "Accepted", "message": "ok"}]}""");
        Assert.Contains(SchemaEvaluation.Validate(schema, broken), v => v.Detail.Contains("lastTransitionTime", StringComparison.Ordinal));
    }
}
