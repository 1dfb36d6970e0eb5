using Meshc.Compiler.FrontEnds.Dsl.Syntax;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.FrontEnds.Dsl.Reading;

/// <summary>
/// Reads a gateway (its listeners are read by <see cref="ListenerReader"/>). The class defaults to <c>cilium</c>.
/// <code>
/// gateway NAME [class CLASS] [address IP, …] [infrastructure labels k=v] [infrastructure annotations k=v] [labels k=v] {
///   listener NAME PROTOCOL PORT [host H] [tls …] [allow …]
///   client-certs [port N] ca CA, … [insecure-fallback]
/// }
/// </code>
/// </summary>
internal static class GatewayReader
{
    public const string DefaultClass = "cilium";

    public static Gateway Read(MeshParser.GatewayStatementContext s, DslContext context)
    {
        var (ns, name) = context.Qualified(s.name());
        var className = DefaultClass;
        var listeners = new List<Listener>();
        var addresses = new List<GatewayAddress>();
        var infraLabels = new List<Label>();
        var infraAnnotations = new List<Label>();
        var metadata = new List<MeshParser.MetadataClauseContext>();
        var clientCerts = new List<MeshParser.ClientCertsClauseContext>();
        foreach (var clause in s.gatewayClause())
        {
            switch (clause)
            {
                case MeshParser.GatewayClassClauseContext c:
                    className = DslContext.Text(c.name());
                    break;
                case MeshParser.GatewayAddressClauseContext a:
                    addresses.AddRange(a.value().Select(v => new GatewayAddress(AddressType(DslContext.Text(v)), DslContext.Text(v), context.At(v))));
                    break;
                case MeshParser.GatewayInfrastructureClauseContext i:
                    if (i.metadataClause() is MeshParser.LabelsClauseContext il) infraLabels.AddRange(MetadataReader.Labels(il.labelList()));
                    if (i.metadataClause() is MeshParser.AnnotationsClauseContext an) infraAnnotations.AddRange(MetadataReader.Labels(an.labelList()));
                    break;
                case MeshParser.GatewayMetadataContext m:
                    metadata.Add(m.metadataClause());
                    break;
                case MeshParser.ListenerClauseContext l:
                    listeners.Add(ListenerReader.Read(l, context));
                    break;
                case MeshParser.ClientCertsClauseContext cc:
                    clientCerts.Add(cc);
                    break;
                default:
                    throw new InvalidOperationException($"gateway clause {clause.GetType().Name} has no reader");
            }
        }
        return new Gateway(context.Meta(ns, name, metadata, s), className, listeners.ToValueList(), addresses.ToValueList(),
            infraLabels.ToValueList(), infraAnnotations.ToValueList()) { Frontend = ClientCertsReader.Read(clientCerts, context) };
    }

    /// <summary>An address that parses as IP is an IPAddress; anything else a Hostname, as the Gateway API types them.</summary>
    private static string AddressType(string value) =>
        System.Net.IPAddress.TryParse(value, out _) ? "IPAddress" : "Hostname";
}
