using System.Text;

namespace Meshc.Compiler.Benchmarks.Inputs;

/// <summary>
/// Writes HTTPRoutes and the ReferenceGrants their cross-namespace backends need. Route <c>r</c> lives with its first
/// Service, attaches to one Gateway, owns the path prefix <c>/rNNNNN</c> (so no two routes ever claim the same match)
/// and has 1–3 rules: path prefix/exact matches, a header match on some, 1–2 weighted backends, and now and then a
/// RequestHeaderModifier, a URLRewrite or a redirect rule.
/// </summary>
public static class RouteWriter
{
    private const ulong Stream = 3;
    private static readonly (int, int)[] WeightSplits = [(90, 10), (80, 20), (50, 50), (99, 1)];

    public static void Route(StringBuilder yaml, MeshShape shape, int r)
    {
        var random = SeededRandom.For(shape.Seed, Stream, r);
        var team = MeshNames.TeamOf(r % shape.Services);
        var gateway = GatewayPlan.For(shape, random.Next(shape.Gateways));
        var host = $"app-{random.Next(16):D2}";
        var pinned = random.Chance(0.2);
        yaml.Append($"""
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: {MeshNames.Route(r)}
              namespace: {MeshNames.Team(team)}
              labels:
                app: {MeshNames.Service(r % shape.Services)}
            spec:
              parentRefs:
                - name: {MeshNames.Gateway(gateway.Index)}
                  namespace: {MeshNames.Edge(MeshNames.EdgeOf(gateway.Index))}

            """);
        if (pinned) yaml.Append("      sectionName: http\n");
        yaml.Append($"  hostnames:\n    - {host}.{MeshNames.GatewayDomain(gateway.Index)}\n");
        if (!pinned && gateway.HasAlternateListener && random.Chance(0.3))
            yaml.Append($"    - {host}.{MeshNames.GatewayDomain(gateway.Index, alternate: true)}\n");
        yaml.Append("  rules:\n");
        var crossNamespace = shape.TeamNamespaces > 1 && random.Chance(0.1);
        var rules = random.Between(1, 3);
        for (var k = 0; k < rules; k++) Rule(yaml, shape, random, r, k, team, crossNamespace && k == 0);
    }

    private static void Rule(StringBuilder yaml, MeshShape shape, SeededRandom random, int r, int k, int team, bool crossNamespace)
    {
        var prefix = $"/r{r:D5}";
        var redirect = k > 0 && random.Chance(0.1);
        var exact = !redirect && k == 1;
        var path = redirect ? $"{prefix}/legacy{k}" : k switch { 0 => $"{prefix}/api", 1 => $"{prefix}/healthz", _ => $"{prefix}/static" };
        yaml.Append($"    - matches:\n        - path:\n            type: {(exact ? "Exact" : "PathPrefix")}\n            value: {path}\n");
        if (random.Chance(0.25)) yaml.Append($"          headers:\n            - name: x-tenant\n              value: tenant-{random.Next(50)}\n");
        if (k == 0 && random.Chance(0.2)) yaml.Append($"        - path:\n            type: PathPrefix\n            value: {prefix}/v2\n");
        if (redirect)
        {
            yaml.Append($"""
                      filters:
                        - type: RequestRedirect
                          requestRedirect:
                            scheme: https
                            statusCode: 301
                            path:
                              type: ReplacePrefixMatch
                              replacePrefixMatch: {prefix}/api

                """);
            return;
        }
        Filters(yaml, random, r, team, exact);
        Backends(yaml, shape, random, r, team, crossNamespace);
    }

    private static void Filters(StringBuilder yaml, SeededRandom random, int r, int team, bool exact)
    {
        var modifyHeaders = random.Chance(0.2);
        var rewrite = random.Chance(0.1);
        if (!modifyHeaders && !rewrite) return;
        yaml.Append("      filters:\n");
        if (modifyHeaders)
        {
            yaml.Append($"""
                        - type: RequestHeaderModifier
                          requestHeaderModifier:
                            set:
                              - name: x-route
                                value: {MeshNames.Route(r)}
                            add:
                              - name: x-team
                                value: {MeshNames.Team(team)}
                            remove:
                              - x-debug

                """);
        }
        if (rewrite)
        {
            yaml.Append(exact
                ? "        - type: URLRewrite\n          urlRewrite:\n            path:\n              type: ReplaceFullPath\n              replaceFullPath: /healthz\n"
                : "        - type: URLRewrite\n          urlRewrite:\n            path:\n              type: ReplacePrefixMatch\n              replacePrefixMatch: /\n");
        }
    }

    /// <summary>1–2 backends in the route's namespace; with <paramref name="crossNamespace"/> the last one is in the next team's.</summary>
    private static void Backends(StringBuilder yaml, MeshShape shape, SeededRandom random, int r, int team, bool crossNamespace)
    {
        var (first, count) = MeshNames.ServicesOf(team, shape.Services);
        var primary = r % shape.Services;
        var backends = new List<(int Service, bool Foreign)> { (primary, false) };
        if (count > 1 && random.Chance(0.4)) backends.Add((first + (primary - first + 1 + random.Next(count - 1)) % count, false));
        if (crossNamespace)
        {
            var other = (team + 1) % shape.TeamNamespaces;
            var (otherFirst, otherCount) = MeshNames.ServicesOf(other, shape.Services);
            backends[^1] = (otherFirst + random.Next(otherCount), true);
        }
        var (major, minor) = WeightSplits[random.Next(WeightSplits.Length)];
        yaml.Append("      backendRefs:\n");
        for (var i = 0; i < backends.Count; i++)
        {
            var (service, foreign) = backends[i];
            yaml.Append($"        - name: {MeshNames.Service(service)}\n");
            if (foreign) yaml.Append($"          namespace: {MeshNames.Team(MeshNames.TeamOf(service))}\n");
            yaml.Append("          port: 80\n");
            if (backends.Count > 1) yaml.Append($"          weight: {(i == 0 ? major : minor)}\n");
        }
    }

    /// <summary>Lets HTTPRoutes of the previous team namespace use the Services of <paramref name="team"/>.</summary>
    public static void ReferenceGrant(StringBuilder yaml, MeshShape shape, int team)
    {
        var from = MeshNames.Team((team + shape.TeamNamespaces - 1) % shape.TeamNamespaces);
        yaml.Append($"""
            ---
            apiVersion: gateway.networking.k8s.io/v1beta1
            kind: ReferenceGrant
            metadata:
              name: routes-from-{from}
              namespace: {MeshNames.Team(team)}
            spec:
              from:
                - group: gateway.networking.k8s.io
                  kind: HTTPRoute
                  namespace: {from}
              to:
                - group: ""
                  kind: Service

            """);
    }
}
