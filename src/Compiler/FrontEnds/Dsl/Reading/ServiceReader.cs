using Meshc.Compiler.FrontEnds.Dsl.Syntax;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.FrontEnds.Dsl.Reading;

/// <summary>
/// Reads a service. A port's target defaults to the port itself and its protocol to TCP, as the Kubernetes API
/// server fills them in; <c>endpoints</c> (for local runs) become the Service's EndpointSlice.
/// <code>
/// service NAME [type TYPE] [port [NAME] PORT [tcp|udp|sctp] [-> TARGET] [app-protocol P]]… [select key=value, …]
///              [ip ADDRESS, …] [endpoints ADDRESS[:PORT], …] [labels …] [annotations …]
/// </code>
/// </summary>
internal static class ServiceReader
{
    public static (Service Service, EndpointSet? Endpoints) Read(MeshParser.ServiceStatementContext s, DslContext context)
    {
        var (ns, name) = context.Qualified(s.name());
        var type = "ClusterIP";
        var ports = new List<ServicePort>();
        var selector = new List<Label>();
        var ips = new List<string>();
        var metadata = new List<MeshParser.MetadataClauseContext>();
        var endpointClauses = new List<MeshParser.ServiceEndpointsClauseContext>();
        foreach (var clause in s.serviceClause())
        {
            switch (clause)
            {
                case MeshParser.ServicePortClauseContext p:
                    if (Port(p, context) is { } port) ports.Add(port);
                    break;
                case MeshParser.ServiceSelectClauseContext sel:
                    selector.AddRange(MetadataReader.Labels(sel.labelList()));
                    break;
                case MeshParser.ServiceTypeClauseContext t:
                    type = DslContext.Text(t.name());
                    break;
                case MeshParser.ServiceIpClauseContext ip:
                    ips.AddRange(ip.value().Select(DslContext.Text));
                    break;
                case MeshParser.ServiceEndpointsClauseContext e:
                    endpointClauses.Add(e);
                    break;
                case MeshParser.ServiceMetadataContext m:
                    metadata.Add(m.metadataClause());
                    break;
            }
        }
        var meta = context.Meta(ns, name, metadata, s);
        var service = new Service(meta, type, ports.ToValueList(), selector.ToValueList(), ips.ToValueList(), ValueList<string>.Empty);
        var endpoints = endpointClauses.Count == 0 ? null : EndpointsReader.Read(service, endpointClauses, context);
        return (service, endpoints);
    }

    private static ServicePort? Port(MeshParser.ServicePortClauseContext p, DslContext context)
    {
        if (context.Int(p.INT().Symbol, "service port", 1, 65535) is not { } number) return null;
        // The grammar admits only tcp, udp and sctp here.
        var protocol = p.protocol?.Text.ToUpperInvariant() ?? "TCP";
        var target = p.target is { } t ? DslContext.Text(t) : number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ServicePort(p.portName is { } n ? DslContext.Text(n) : null, number, target, protocol,
            p.app is { } app ? DslContext.Text(app) : null, context.At(p));
    }
}
