using Meshc.Compiler.FrontEnds.Dsl.Syntax;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.FrontEnds.Dsl.Reading;

/// <summary>
/// Reads a reference grant: objects of these kinds in these namespaces may refer to these kinds (optionally one
/// object by name) in the grant's namespace. Gateway API kinds get their group; Service and Secret are core.
/// <code>
/// grant NAME from NAMESPACE KIND, … to KIND [NAME], …
/// </code>
/// </summary>
internal static class GrantReader
{
    private static readonly HashSet<string> GatewayKinds = ["Gateway", "HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute"];

    public static ReferenceGrant Read(MeshParser.GrantStatementContext s, DslContext context)
    {
        var (ns, name) = context.Qualified(s.name());
        var from = new List<GrantFrom>();
        var to = new List<GrantTo>();
        var metadata = new List<MeshParser.MetadataClauseContext>();
        foreach (var clause in s.grantClause())
        {
            switch (clause)
            {
                case MeshParser.GrantFromClauseContext f:
                    from.AddRange(f.grantFrom().Select(g =>
                    {
                        var kind = DslContext.Text(g.kind);
                        return new GrantFrom(Group(kind), kind, DslContext.Text(g.fromNamespace), context.At(g));
                    }));
                    break;
                case MeshParser.GrantToClauseContext t:
                    to.AddRange(t.grantTo().Select(g =>
                    {
                        var kind = DslContext.Text(g.kind);
                        return new GrantTo(Group(kind), kind, g.target is { } target ? DslContext.Unquote(target.Text) : null, context.At(g));
                    }));
                    break;
                case MeshParser.GrantMetadataContext m:
                    metadata.Add(m.metadataClause());
                    break;
            }
        }
        return new ReferenceGrant(context.Meta(ns, name, metadata, s), from.ToValueList(), to.ToValueList());
    }

    public static string Group(string kind) => GatewayKinds.Contains(kind) ? RouteGroupKind.GatewayGroup : "";
}
