using Meshc.Compiler.FrontEnds.Dsl.Syntax;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.FrontEnds.Dsl.Reading;

/// <summary>
/// Reads a service's <c>endpoints</c> into one EndpointSlice named after the Service. Without a port an endpoint
/// serves every Service port on its target port; with one, all endpoints of the service must use the same port.
/// <code>
/// endpoints 127.0.0.1:9001, 127.0.0.2:9001
/// </code>
/// </summary>
internal static class EndpointsReader
{
    public static EndpointSet Read(Service service, IReadOnlyList<MeshParser.ServiceEndpointsClauseContext> clauses, DslContext context)
    {
        var endpoints = new List<Endpoint>();
        int? sharedPort = null;
        foreach (var e in clauses.SelectMany(c => c.endpoint()))
        {
            endpoints.Add(new Endpoint(ValueList.Of(DslContext.Text(e.value())), true, true, false, null, null, context.At(e)));
            if (e.INT() is not { } token || context.Int(token.Symbol, "endpoint port", 1, 65535) is not { } port) continue;
            if (sharedPort is { } shared && shared != port)
                context.Diagnostics.ReportDslInvalidValue(context.At(token.Symbol), "endpoint port", token.GetText(),
                    $"the endpoints of one service share one port, and an earlier endpoint uses {shared}");
            sharedPort ??= port;
        }
        var ports = sharedPort is { } p
            ? ValueList.Of(new EndpointPort(service.Ports.Count > 0 ? service.Ports[0].Name : null, p, service.Ports.Count > 0 ? service.Ports[0].Protocol : "TCP"))
            : service.Ports.Select(sp => new EndpointPort(sp.Name, TargetNumber(sp), sp.Protocol)).ToValueList();
        var label = new Label(FrontEnds.Yaml.EndpointSliceReader.ServiceNameLabel, service.Meta.Name);
        var meta = new ObjectMeta(service.Meta.Name, service.Meta.Namespace, ValueList.Of(label), ValueList<Label>.Empty, 1,
            context.At(clauses[0]));
        return new EndpointSet(meta, service.Meta.Name, "IPv4", ports, endpoints.ToValueList());
    }

    private static int TargetNumber(ServicePort port) =>
        int.TryParse(port.TargetPort, out var n) ? n : port.Port;
}
