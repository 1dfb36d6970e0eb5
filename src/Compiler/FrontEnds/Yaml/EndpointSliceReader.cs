using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.FrontEnds.Yaml;

/// <summary>
/// Reads an EndpointSlice (discovery.k8s.io/v1). Its Service is the <c>kubernetes.io/service-name</c> label.
/// Conditions follow the API's defaults: an unset ready or serving counts as true, terminating as false.
/// </summary>
internal static class EndpointSliceReader
{
    public const string ServiceNameLabel = "kubernetes.io/service-name";

    public static IMeshObject? Read(YamlObject obj, DiagnosticBag diagnostics)
    {
        if (MetaReader.Read(obj, diagnostics) is not { } meta) return null;
        var service = meta.Labels.FirstOrDefault(l => l.Key == ServiceNameLabel)?.Value;
        if (service is null)
        {
            diagnostics.ReportMissingField(obj.Location, "EndpointSlice", $"metadata.labels[{ServiceNameLabel}]");
            return null;
        }
        var ports = obj.Root.Maps("ports")
            .Where(p => p.Int("port") is not null)
            .Select(p => new EndpointPort(p.Str("name"), p.Int("port")!.Value, p.Str("protocol") ?? "TCP"))
            .ToValueList();
        var endpoints = obj.Root.Maps("endpoints")
            .Select(e =>
            {
                var conditions = e.Map("conditions");
                return new Endpoint(e.Strings("addresses").ToValueList(), conditions.Bool("ready") ?? true,
                    conditions.Bool("serving") ?? true, conditions.Bool("terminating") ?? false,
                    e.Map("targetRef").Str("name"), e.Str("zone"), e.LocationIn(obj.Path));
            })
            .ToValueList();
        return new EndpointSet(meta, service, obj.Root.Str("addressType") ?? "IPv4", ports, endpoints);
    }
}
