using System.Text.Json.Nodes;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.FrontEnds.Cilium;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;
using Meshc.EnvoyApi;
using Meshc.EnvoyApi.Validation;

namespace Meshc.Compiler.FrontEnds.Dsl.ServiceRoutes;

/// <summary>
/// Turns a resource a service route built into what the CiliumEnvoyConfig reader makes of the same resource written
/// by hand: parsed by Envoy's JSON mapping, checked against Envoy's validation rules (a value the DSL let through but
/// Envoy refuses is MC0108 at the route), and printed as canonical proto-JSON.
/// </summary>
internal static class CanonicalResource
{
    public static EnvoyResource? Make(string typeUrl, string name, JsonObject json, SourceLocation at, DiagnosticBag diagnostics)
    {
        var type = EnvoyResourceTypes.Find(typeUrl)!;
        json.Remove("@type");
        Google.Protobuf.IMessage parsed;
        try
        {
            parsed = EnvoyJson.Parse(type, json.ToJsonString());
        }
        catch (EnvoyJsonException e)
        {
            diagnostics.ReportEnvoyInvalidResource(at, type.Name, name, e.InnerException?.Message ?? e.Message);
            return null;
        }
        var valid = true;
        foreach (var violation in PgvValidator.Validate(parsed).Where(v => !AgentFilledFields.Covers(v)))
        {
            valid = false;
            diagnostics.ReportEnvoyInvalidResource(at, type.Name, name, $"{violation.FieldPath}: {violation.Message} (rule {violation.Rule})");
        }
        return valid ? new EnvoyResource(EnvoyTypes.TypeUrlOf(type), name, EnvoyJson.Format(parsed), at) : null;
    }
}
