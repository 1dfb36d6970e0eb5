using Meshc.Compiler.FrontEnds.Dsl.Syntax;
using Meshc.Compiler.FrontEnds.Dsl.ServiceRoutes;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.FrontEnds.Dsl.Reading;

/// <summary>
/// Reads a route. Attached to gateways it is a Gateway API HTTPRoute or GRPCRoute; attached to a service it is an
/// east-west route, which <see cref="ServiceRouteBuilder"/> turns into the CiliumEnvoyConfig a user would write.
/// <code>
/// route NAME [on GATEWAY [listener L] [port N], … | on service SERVICE[:PORT]] [host H, …] [labels …] {
///   rule …
///   clusters [connect-timeout D] [lb POLICY] [outlier SETTING VALUE …]      (service routes only)
///   paths [normalize] [merge-slashes] [escaped-slashes ACTION]             (service routes only)
/// }
/// grpc-route NAME on GATEWAY { rule method pkg.Service/Method to SERVICE:PORT }
/// tls-route NAME on GATEWAY [listener L] host H, … { rule to SERVICE:PORT [WEIGHT], … }   (a TLSRoute: SNI to backends)
/// </code>
/// </summary>
internal static class RouteReader
{
    public static IMeshObject? Read(MeshParser.NameContext nameNode, MeshParser.RouteClauseContext[] clauses, RouteKind kind,
        Antlr4.Runtime.ParserRuleContext statement, DslContext context)
    {
        var (ns, name) = context.Qualified(nameNode);
        var gateways = new List<ParentRef>();
        var services = new List<MeshParser.ServiceParentContext>();
        var hosts = new List<string>();
        var rules = new List<DslRule>();
        var clusterClauses = new List<MeshParser.RouteClustersClauseContext>();
        var pathClauses = new List<MeshParser.RoutePathsClauseContext>();
        var metadata = new List<MeshParser.MetadataClauseContext>();
        foreach (var clause in clauses)
        {
            switch (clause)
            {
                case MeshParser.RouteParentsClauseContext p:
                    foreach (var parent in p.parent())
                    {
                        if (parent is MeshParser.ServiceParentContext s) services.Add(s);
                        else if (parent is MeshParser.GatewayParentContext g) gateways.Add(GatewayParent(g, context));
                    }
                    break;
                case MeshParser.RouteHostsClauseContext h: hosts.AddRange(h.value().Select(DslContext.Text)); break;
                case MeshParser.RouteRuleClauseContext r: rules.Add(RuleReader.Read(r, kind, context)); break;
                case MeshParser.RouteClustersClauseContext c: clusterClauses.Add(c); break;
                case MeshParser.RoutePathsClauseContext pc: pathClauses.Add(pc); break;
                case MeshParser.RouteMetadataContext m: metadata.Add(m.metadataClause()); break;
            }
        }
        var meta = context.Meta(ns, name, metadata, statement);
        if (services.Count > 0 && (gateways.Count > 0 || services.Count > 1))
        {
            context.Diagnostics.ReportDslMixedParents(context.At(services[^1]), name);
            return null;
        }
        if (services.Count == 1)
        {
            if (kind is RouteKind.Grpc or RouteKind.Tls)
            {
                context.Diagnostics.ReportDslGatewayRouteOnly(context.At(services[0]), kind == RouteKind.Grpc ? "a grpc-route" : "a tls-route", "attach it to a gateway");
                return null;
            }
            return ServiceRouteBuilder.Build(meta, services[0], hosts, rules, clusterClauses, pathClauses, context);
        }
        RejectServiceOnlyFeatures(rules, clusterClauses, pathClauses, context);
        if (kind == RouteKind.Tls) RejectHttpFeatures(rules, context);
        return new Route(meta, kind, gateways.ToValueList(), hosts.ToValueList(), rules.Select(r => r.Rule).ToValueList());
    }

    private static ParentRef GatewayParent(MeshParser.GatewayParentContext g, DslContext context)
    {
        var (ns, name) = DslContext.Reference(DslContext.Text(g.name(0)));
        var section = g.section is { } s ? DslContext.Text(s) : null;
        var port = g.INT() is { } p ? context.Int(p.Symbol, "parent port", 1, 65535) : null;
        return new ParentRef(RouteGroupKind.GatewayGroup, "Gateway", ns, name, section, port, context.At(g));
    }

    /// <summary>A TLSRoute rule only forwards connections: it has no matches (the SNI is matched by hostnames), filters, timeouts or retries.</summary>
    private static void RejectHttpFeatures(List<DslRule> rules, DslContext context)
    {
        foreach (var rule in rules.Select(r => r.Rule))
        {
            var found = new (bool Present, string What)[]
            {
                (!rule.Matches.IsEmpty, "a match (connections are matched by the route's hostnames)"),
                (!rule.Filters.IsEmpty, "a filter (redirect, rewrite, mirror, header changes)"),
                (rule.Timeouts is not null, "a timeout"),
                (rule.Retry is not null, "a retry"),
            };
            foreach (var (_, what) in found.Where(f => f.Present)) context.Diagnostics.ReportDslTlsRuleBackendsOnly(rule.Origin, what);
        }
    }

    private static void RejectServiceOnlyFeatures(List<DslRule> rules, List<MeshParser.RouteClustersClauseContext> clusters,
        List<MeshParser.RoutePathsClauseContext> paths, DslContext context)
    {
        foreach (var retry in rules.Select(r => r.Retry).OfType<ServiceRetry>())
            context.Diagnostics.ReportDslServiceRouteOnly(retry.Origin, "naming retry conditions (5xx, reset, …) or a per-try timeout",
                "on a gateway route, retry on status codes (retry 2 on 503) and use 'timeout backend D'");
        foreach (var c in clusters)
            context.Diagnostics.ReportDslServiceRouteOnly(context.At(c), "the 'clusters' clause",
                "the Gateway API has no field for them; attach the route to a service");
        foreach (var p in paths)
            context.Diagnostics.ReportDslServiceRouteOnly(context.At(p), "the 'paths' clause",
                "the Gateway API has no field for it and Cilium's Gateway listeners leave the path as sent; attach the route to a service");
    }
}
