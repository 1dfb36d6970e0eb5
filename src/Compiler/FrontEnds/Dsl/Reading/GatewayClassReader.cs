using Meshc.Compiler.FrontEnds.Dsl.Syntax;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.FrontEnds.Dsl.Reading;

/// <summary>
/// Reads a GatewayClass: which controller implements the gateways of that class (Cilium's own class, <c>cilium</c>,
/// is known without being declared). Cluster-scoped, so a namespace block does not apply to it.
/// <code>
/// gateway-class NAME controller CONTROLLER [labels …]
/// </code>
/// </summary>
internal static class GatewayClassReader
{
    public static GatewayClass Read(MeshParser.GatewayClassStatementContext s, DslContext context)
    {
        var controller = "";
        var metadata = new List<MeshParser.MetadataClauseContext>();
        foreach (var clause in s.classClause())
        {
            if (clause is MeshParser.ClassControllerClauseContext c) controller = DslContext.Text(c.value());
            if (clause is MeshParser.ClassMetadataContext m) metadata.Add(m.metadataClause());
        }
        if (controller.Length == 0) context.Diagnostics.ReportDslEmptyClause(context.At(s), "gateway-class", "a 'controller' clause");
        return new GatewayClass(context.Meta("", DslContext.Text(s.name()), metadata, s), controller);
    }
}
