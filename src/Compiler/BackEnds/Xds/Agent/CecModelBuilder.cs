using Google.Protobuf;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;
using Meshc.EnvoyApi;

namespace Meshc.Compiler.BackEnds.Xds.Agent;

/// <summary>
/// Turns an input CiliumEnvoyConfig into a <see cref="CecModel"/>: its resources, kept as canonical JSON in the IR,
/// become typed Envoy messages again. The front end has already parsed them strictly, so a failure here is a
/// compiler bug (MC0901), never a user error.
/// </summary>
internal static class CecModelBuilder
{
    /// <summary>The CEC with its resources parsed back into messages, each with its own position.</summary>
    public static CecModel Build(EnvoyConfig config, DiagnosticBag diagnostics)
    {
        var messages = new List<IMessage>();
        var origins = new List<SourceLocation>();
        foreach (var resource in config.Resources)
        {
            if (Parse(resource, diagnostics) is not { } message) continue;
            messages.Add(message);
            origins.Add(resource.Origin);
        }
        return new CecModel(config.Meta.Namespace, config.Meta.Name, config.Clusterwide, config.Services, config.BackendServices,
            messages, config.Meta.Labels, config.Meta.Annotations, config.Meta.Origin, origins);
    }

    private static IMessage? Parse(EnvoyResource resource, DiagnosticBag diagnostics)
    {
        if (EnvoyTypes.FindMessage(resource.TypeUrl) is not { } type)
        {
            diagnostics.ReportInternalError(resource.Origin, "xDS back end", $"resource type '{resource.TypeUrl}' is not compiled in");
            return null;
        }
        try
        {
            return EnvoyJson.Parse(type, resource.Json);
        }
        catch (EnvoyJsonException e)
        {
            diagnostics.ReportInternalError(resource.Origin, "xDS back end", e.Message);
            return null;
        }
    }
}
