using System.Text.Json.Nodes;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.FrontEnds.Dsl.ServiceRoutes;

/// <summary>
/// A DSL match as an Envoy RouteMatch. A prefix keeps the Gateway API meaning (whole path segments), so anything but
/// "/" becomes <c>path_separated_prefix</c>; a method is the <c>:method</c> header; no path means every path.
/// </summary>
internal static class EnvoyMatchJson
{
    public static JsonObject Build(RouteMatch? match)
    {
        var json = new JsonObject();
        switch (match?.Path)
        {
            case null:
                json["prefix"] = "/";
                break;
            case { Kind: PathMatchKind.Prefix } p when p.Value.TrimEnd('/').Length == 0:
                json["prefix"] = "/";
                break;
            case { Kind: PathMatchKind.Prefix } p:
                json["path_separated_prefix"] = p.Value.TrimEnd('/');
                break;
            case { Kind: PathMatchKind.Exact } p:
                json["path"] = p.Value;
                break;
            case { } p:
                json["safe_regex"] = new JsonObject { ["regex"] = p.Value };
                break;
        }
        var headers = new JsonArray();
        if (match?.Method is { } method)
            headers.Add((JsonNode)Header(new KeyValueMatch(StringMatchKind.Exact, ":method", method, match.Origin)));
        foreach (var h in match?.Headers ?? ValueList<KeyValueMatch>.Empty) headers.Add((JsonNode)Header(h));
        if (headers.Count > 0) json["headers"] = headers;
        if (match is { QueryParams.IsEmpty: false })
            json["query_parameters"] = new JsonArray(match.QueryParams.Select(q => (JsonNode)new JsonObject
            {
                ["name"] = q.Name,
                ["string_match"] = StringMatch(q),
            }).ToArray());
        return json;
    }

    private static JsonObject Header(KeyValueMatch h) => new() { ["name"] = h.Name, ["string_match"] = StringMatch(h) };

    private static JsonObject StringMatch(KeyValueMatch m) => m.Kind == StringMatchKind.Regex
        ? new JsonObject { ["safe_regex"] = new JsonObject { ["regex"] = m.Value } }
        : new JsonObject { ["exact"] = m.Value };
}
