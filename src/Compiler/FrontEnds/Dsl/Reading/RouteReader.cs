using Meshc.Compiler.FrontEnds.Dsl.Syntax;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.FrontEnds.Dsl.Reading;

/// <summary>
/// Reads a route: attached to gateways, a Gateway API HTTPRoute or GRPCRoute; attached to a service, the same route
/// with that Service as its parent (GAMMA), the Service's own L7 routing in the mesh, which may also name Envoy retry
/// conditions, a per-try timeout, <c>clusters</c> and <c>paths</c> settings (<see cref="MeshAnnotations"/>).
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
    public static Route? Read(MeshParser.NameContext nameNode, MeshParser.RouteClauseContext[] clauses, RouteKind kind,
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
        var ruleList = rules.Select(r => r.Rule).ToValueList();
        if (services.Count == 1)
        {
            // GAMMA routes are HTTPRoutes and GRPCRoutes; a TLSRoute has no Service parent.
            if (kind == RouteKind.Tls)
            {
                context.Diagnostics.ReportDslGatewayRouteOnly(context.At(services[0]), "a tls-route", "attach it to a gateway");
                return null;
            }
            RejectGatewayOnlyFeatures(rules, context);
            CheckRetryExtrasAgree(rules, context);
            return new Route(meta, kind, ValueList.Of(ServiceParent(services[0], context)), hosts.ToValueList(), ruleList)
            {
                Upstream = UpstreamReader.Read(clusterClauses, context),
                Paths = PathsReader.Read(pathClauses, context),
            };
        }
        RejectServiceOnlyFeatures(rules, clusterClauses, pathClauses, context);
        if (kind == RouteKind.Tls) RejectHttpFeatures(rules, context);
        return new Route(meta, kind, gateways.ToValueList(), hosts.ToValueList(), ruleList);
    }

    private static ParentRef GatewayParent(MeshParser.GatewayParentContext g, DslContext context)
    {
        var (ns, name) = DslContext.Reference(DslContext.Text(g.name(0)));
        var section = g.section is { } s ? DslContext.Text(s) : null;
        var port = g.INT() is { } p ? context.Int(p.Symbol, "parent port", 1, 65535) : null;
        return new ParentRef(RouteGroupKind.GatewayGroup, "Gateway", ns, name, section, port, context.At(g));
    }

    /// <summary><c>on service NAME[:PORT]</c>: a parentRef of kind Service in the core group, as GAMMA writes it.</summary>
    private static ParentRef ServiceParent(MeshParser.ServiceParentContext s, DslContext context)
    {
        var (ns, name) = DslContext.Reference(DslContext.Text(s.name()));
        var port = s.INT() is { } p ? context.Int(p.Symbol, "service port", 1, 65535) : null;
        return new ParentRef("", "Service", ns, name, null, port, context.At(s));
    }

    /// <summary>
    /// In YAML the retry extras are annotations of the whole route, applied to every rule with a retry; a DSL route
    /// that gives its rules different ones could not be written there, so it is refused (MC0180).
    /// </summary>
    private static void CheckRetryExtrasAgree(List<DslRule> rules, DslContext context)
    {
        var withRetry = rules.Where(r => r.Rule.Retry is not null).ToList();
        if (withRetry.Count < 2) return;
        var first = withRetry[0].Rule.Retry!;
        foreach (var rule in withRetry.Skip(1))
        {
            var retry = rule.Rule.Retry!;
            if (retry.Conditions == first.Conditions && retry.PerTryTimeout == first.PerTryTimeout) continue;
            context.Diagnostics.ReportDslRetryExtrasDiffer(retry.Origin, first.Origin.ToString());
        }
    }

    private static void RejectGatewayOnlyFeatures(IReadOnlyList<DslRule> rules, DslContext context)
    {
        foreach (var at in rules.Select(r => r.BackendTimeoutAt).OfType<Text.SourceLocation>())
            context.Diagnostics.ReportDslGatewayRouteOnly(at, "'timeout backend'", "on a service route, use 'retry … per-try D'");
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
        foreach (var at in rules.Select(r => r.RetryExtrasAt).OfType<Text.SourceLocation>())
            context.Diagnostics.ReportDslServiceRouteOnly(at, "naming retry conditions (5xx, reset, …) or a per-try timeout",
                "on a gateway route, retry on status codes (retry 2 on 503) and use 'timeout backend D'");
        foreach (var c in clusters)
            context.Diagnostics.ReportDslServiceRouteOnly(context.At(c), "the 'clusters' clause",
                "the Gateway API has no field for them; attach the route to a service");
        foreach (var p in paths)
            context.Diagnostics.ReportDslServiceRouteOnly(context.At(p), "the 'paths' clause",
                "the Gateway API has no field for it and Cilium's Gateway listeners leave the path as sent; attach the route to a service");
    }
}
