using System.Text.Json.Nodes;
using Meshc.Compiler.Schemas;

namespace Meshc.Compiler.BackEnds.Kubernetes;

/// <summary>
/// Checks emitted manifests against schemas/ (the upstream CRDs, and Kubernetes' OpenAPI for Service), through the
/// same check the YAML front end uses. A status patch has no spec, so only its <c>status</c> is checked, against
/// the status part of its kind's schema.
/// </summary>
internal static class ManifestValidation
{
    /// <summary>The violations of one manifest as "path: problem" lines; empty when it is valid.</summary>
    public static IReadOnlyList<string> Check(Manifest manifest)
    {
        IReadOnlyList<JsonNode> documents;
        try
        {
            documents = ManifestYaml.Parse(manifest.Text);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            return [$"not valid YAML: {e.Message}"];
        }
        if (documents.Count != 1) return [$"expected one YAML document, found {documents.Count}"];
        return Check(documents[0], manifest.Kind, manifest.ApiVersion, manifest.IsStatusPatch);
    }

    /// <summary>The violations of one object read as JSON.</summary>
    public static IReadOnlyList<string> Check(JsonNode document, string kind, string apiVersion, bool statusOnly)
    {
        if (SchemaRegistry.Find(kind, apiVersion) is not { } schema) return [$"no schema for {kind} {apiVersion}"];
        if (statusOnly)
        {
            if (schema.Property("status") is not { } statusSchema) return [$"the {kind} schema has no status"];
            return SchemaEvaluation.Validate(statusSchema, document["status"]).Select(v => "status." + v.Detail).ToList();
        }
        return SchemaEvaluation.Validate(schema, document).Select(v => v.Detail).ToList();
    }
}
