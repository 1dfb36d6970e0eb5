using Envoy.Config.Route.V3;

namespace Meshc.Runtime.Routing;

/// <summary>A compiled QueryParameterMatcher: the first value of the key, compared without percent-decoding.</summary>
public sealed class QueryMatch
{
    private readonly string _name;
    private readonly StringMatch? _value;
    private readonly bool? _present;

    private QueryMatch(string name, StringMatch? value, bool? present)
    {
        _name = name;
        _value = value;
        _present = present;
    }

    public static QueryMatch From(QueryParameterMatcher m) => m.QueryParameterMatchSpecifierCase switch
    {
        QueryParameterMatcher.QueryParameterMatchSpecifierOneofCase.StringMatch => new(m.Name, StringMatch.From(m.StringMatch), null),
        QueryParameterMatcher.QueryParameterMatchSpecifierOneofCase.PresentMatch => new(m.Name, null, m.PresentMatch),
        _ => new(m.Name, null, true),
    };

    public bool Matches(RouteRequest request)
    {
        var value = FirstValue(request.QueryPart, _name);
        if (_present is { } p) return p == (value is not null);
        return value is not null && _value!.Matches(value);
    }

    private static string? FirstValue(string query, string name)
    {
        if (query.Length < 2) return null;
        foreach (var pair in query[1..].Split('&'))
        {
            var eq = pair.IndexOf('=');
            var key = eq < 0 ? pair : pair[..eq];
            if (key == name) return eq < 0 ? "" : pair[(eq + 1)..];
        }
        return null;
    }
}
