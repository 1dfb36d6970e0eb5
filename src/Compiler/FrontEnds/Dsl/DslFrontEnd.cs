using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.FrontEnds.Dsl.Reading;
using Meshc.Compiler.FrontEnds.Dsl.Syntax;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.FrontEnds.Dsl;

/// <summary>
/// The DSL front end: parses each .dsl source (and what it imports, once), reads every cleanly parsed statement
/// into IR objects for the shared <see cref="MeshModelBuilder"/>, and checks what only the DSL can get wrong
/// (duplicate declarations, one service route per Service). References are checked by the shared passes.
/// </summary>
internal sealed class DslFrontEnd(IReadOnlyList<SourceText> sources, MeshModelBuilder model, DiagnosticBag diagnostics)
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private readonly Declarations _declarations = new(diagnostics);

    /// <summary>Reads one source, unless an import already read it.</summary>
    public void Read(SourceText source)
    {
        if (!_read.Add(ImportResolver.Normalize(source.Path))) return;
        var parsed = DslParse.Parse(source, diagnostics);
        var context = new DslContext(source.Path, "default", diagnostics);
        foreach (var statement in parsed.Tree.statement()) ReadStatement(statement, context, nested: false);
    }

    private void ReadStatement(MeshParser.StatementContext statement, DslContext context, bool nested)
    {
        if (!SyntaxHealth.PruneForReading(statement)) return;
        switch (statement)
        {
            case MeshParser.ImportStatementContext i:
                if (ImportResolver.Resolve(context.Path, DslContext.Unquote(i.STRING().GetText()), sources, context.At(i), diagnostics) is { } imported)
                    Read(imported);
                break;
            case MeshParser.NamespaceStatementContext n:
                if (nested) { diagnostics.ReportDslNestedNamespace(context.At(n), DslContext.Text(n.name())); break; }
                var name = DslContext.Text(n.name());
                var metadata = n.namespaceClause().OfType<MeshParser.NamespaceMetadataContext>().Select(m => m.metadataClause()).ToList();
                if (metadata.Count > 0) Add("namespace", new NamespaceObject(context.Meta("", name, metadata, n)));
                var inner = context.InNamespace(name);
                foreach (var s in n.statement()) ReadStatement(s, inner, nested: true);
                break;
            case MeshParser.GatewayClassStatementContext gc:
                Add("gateway-class", GatewayClassReader.Read(gc, context));
                break;
            case MeshParser.GatewayStatementContext g:
                Add("gateway", GatewayReader.Read(g, context));
                break;
            case MeshParser.ServiceStatementContext s:
                var (service, endpoints) = ServiceReader.Read(s, context);
                if (Add("service", service) && endpoints is not null) model.Add(endpoints);
                break;
            case MeshParser.WorkloadStatementContext w:
                Add("workload", WorkloadReader.Read(w, context));
                break;
            case MeshParser.PolicyStatementContext p:
                Add("policy", PolicyReader.Read(p, context));
                break;
            case MeshParser.SecretStatementContext sc:
                Add("secret", SecretReader.Read(sc, context));
                break;
            case MeshParser.GrantStatementContext gr:
                Add("grant", GrantReader.Read(gr, context));
                break;
            case MeshParser.HttpRouteStatementContext r:
                AddRoute("route", RouteReader.Read(r.name(), r.routeClause(), RouteKind.Http, r, context));
                break;
            case MeshParser.GrpcRouteStatementContext r:
                AddRoute("grpc-route", RouteReader.Read(r.name(), r.routeClause(), RouteKind.Grpc, r, context));
                break;
            case MeshParser.TlsRouteStatementContext r:
                AddRoute("tls-route", RouteReader.Read(r.name(), r.routeClause(), RouteKind.Tls, r, context));
                break;
            case MeshParser.ConfigMapStatementContext cm:
                Add("config-map", ConfigMapReader.Read(cm, context));
                break;
            case MeshParser.BackendTlsStatementContext bt:
                Add("backend-tls", BackendTlsReader.Read(bt, context));
                break;
            default:
                throw new InvalidOperationException($"statement {statement.GetType().Name} has no reader");
        }
    }

    private void AddRoute(string keyword, IMeshObject? route)
    {
        if (route is null) return;
        if (route is EnvoyConfig config && !_declarations.ClaimService(config)) return;
        Add(keyword, route);
    }

    private bool Add(string keyword, IMeshObject item)
    {
        if (!_declarations.Claim(keyword, item)) return false;
        model.Add(item);
        return true;
    }
}
