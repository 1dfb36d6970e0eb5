using System.Text.Json.Nodes;
using Meshc.Compiler.FrontEnds.Dsl.Reading;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.FrontEnds.Dsl.ServiceRoutes;

/// <summary>
/// What an Envoy route does for a DSL rule: a redirect, or a route action (one cluster or weighted clusters, timeout,
/// retry policy, rewrites, mirrors). A rule with neither backends nor redirect answers 500, as the Gateway API says.
/// </summary>
internal static class EnvoyActionJson
{
    public static void AddTo(JsonObject route, DslRule dsl, Func<BackendRef, string> clusterName)
    {
        var rule = dsl.Rule;
        if (rule.Filters.OfType<RequestRedirectFilter>().FirstOrDefault() is { } redirect)
        {
            route["redirect"] = Redirect(redirect);
            return;
        }
        if (rule.Backends.IsEmpty)
        {
            route["direct_response"] = new JsonObject { ["status"] = 500 };
            return;
        }
        var action = new JsonObject();
        if (rule.Backends.Count == 1)
            action["cluster"] = clusterName(rule.Backends[0]);
        else
            action["weighted_clusters"] = new JsonObject
            {
                ["clusters"] = new JsonArray(rule.Backends.Select(b => (JsonNode)new JsonObject
                {
                    ["name"] = clusterName(b),
                    ["weight"] = b.Weight,
                }).ToArray()),
            };
        if (rule.Timeouts?.Request is { } timeout) action["timeout"] = ServiceRouteTypes.Duration(timeout);
        if (rule.Retry is not null || dsl.Retry is not null) action["retry_policy"] = Retry(rule.Retry, dsl.Retry);
        foreach (var rewrite in rule.Filters.OfType<UrlRewriteFilter>()) Rewrite(action, rewrite);
        var mirrors = rule.Filters.OfType<RequestMirrorFilter>().Select(m => (JsonNode)Mirror(m, clusterName)).ToArray();
        if (mirrors.Length > 0) action["request_mirror_policies"] = new JsonArray(mirrors);
        route["route"] = action;
    }

    private static JsonObject Retry(RetryPolicy? policy, ServiceRetry? service)
    {
        var on = new List<string>(service?.Conditions ?? ValueList<string>.Empty);
        if (policy is { Codes.IsEmpty: false }) on.Add("retriable-status-codes");
        var json = new JsonObject();
        if (on.Count > 0) json["retry_on"] = string.Join(",", on);
        if (policy?.Attempts is { } attempts) json["num_retries"] = attempts;
        if (service?.PerTry is { } perTry) json["per_try_timeout"] = ServiceRouteTypes.Duration(perTry);
        if (policy is { Codes.IsEmpty: false })
            json["retriable_status_codes"] = new JsonArray(policy.Codes.Select(c => (JsonNode)c).ToArray());
        if (policy?.Backoff is { } backoff)
            json["retry_back_off"] = new JsonObject { ["base_interval"] = ServiceRouteTypes.Duration(backoff) };
        return json;
    }

    private static JsonObject Redirect(RequestRedirectFilter r)
    {
        var json = new JsonObject();
        if (r.Scheme is { } scheme) json["scheme_redirect"] = scheme;
        if (r.Hostname is { } host) json["host_redirect"] = host;
        if (r.Port is { } port) json["port_redirect"] = port;
        if (r.Path is { Kind: PathModifierKind.ReplaceFullPath } full) json["path_redirect"] = full.Value;
        if (r.Path is { Kind: PathModifierKind.ReplacePrefixMatch } prefix) json["prefix_rewrite"] = prefix.Value;
        json["response_code"] = r.StatusCode switch
        {
            301 => "MOVED_PERMANENTLY",
            303 => "SEE_OTHER",
            307 => "TEMPORARY_REDIRECT",
            308 => "PERMANENT_REDIRECT",
            _ => "FOUND",
        };
        return json;
    }

    private static void Rewrite(JsonObject action, UrlRewriteFilter r)
    {
        if (r.Hostname is { } host) action["host_rewrite_literal"] = host;
        if (r.Path is { Kind: PathModifierKind.ReplacePrefixMatch } prefix) action["prefix_rewrite"] = prefix.Value;
        if (r.Path is { Kind: PathModifierKind.ReplaceFullPath } full)
            action["regex_rewrite"] = new JsonObject
            {
                ["pattern"] = new JsonObject { ["regex"] = "^/.*$" },
                ["substitution"] = full.Value,
            };
    }

    private static JsonObject Mirror(RequestMirrorFilter m, Func<BackendRef, string> clusterName)
    {
        var (numerator, denominator) = m.Denominator == 100
            ? ((long)m.Numerator, "HUNDRED")
            : ((long)m.Numerator * 1_000_000 / Math.Max(1, m.Denominator), "MILLION");
        return new JsonObject
        {
            ["cluster"] = clusterName(m.Backend),
            ["runtime_fraction"] = new JsonObject
            {
                ["default_value"] = new JsonObject { ["numerator"] = numerator, ["denominator"] = denominator },
            },
        };
    }
}
