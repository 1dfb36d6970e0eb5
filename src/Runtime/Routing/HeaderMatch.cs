#pragma warning disable CS0612 // the deprecated matcher fields are still honoured, as Envoy honours them
using Envoy.Config.Route.V3;

namespace Meshc.Runtime.Routing;

/// <summary>A compiled HeaderMatcher with Envoy's rules for absent headers and inversion (envoy-semantics.md §1.4).</summary>
public sealed class HeaderMatch
{
    private readonly string _name;
    private readonly StringMatch? _value;
    private readonly bool? _present;
    private readonly (long Start, long End)? _range;
    private readonly bool _invert;
    private readonly bool _missingAsEmpty;

    private HeaderMatch(string name, StringMatch? value, bool? present, (long, long)? range, bool invert, bool missingAsEmpty)
    {
        _name = name;
        _value = value;
        _present = present;
        _range = range;
        _invert = invert;
        _missingAsEmpty = missingAsEmpty;
    }

    public static HeaderMatch From(HeaderMatcher m)
    {
        StringMatch? value = null;
        bool? present = null;
        (long, long)? range = null;
        switch (m.HeaderMatchSpecifierCase)
        {
            // exact_match "" matches any present value (Envoy's legacy rule).
            case HeaderMatcher.HeaderMatchSpecifierOneofCase.ExactMatch:
                value = m.ExactMatch.Length == 0 ? StringMatch.Prefix("") : StringMatch.Exact(m.ExactMatch);
                break;
            case HeaderMatcher.HeaderMatchSpecifierOneofCase.PrefixMatch: value = StringMatch.Prefix(m.PrefixMatch); break;
            case HeaderMatcher.HeaderMatchSpecifierOneofCase.SuffixMatch: value = StringMatch.Suffix(m.SuffixMatch); break;
            case HeaderMatcher.HeaderMatchSpecifierOneofCase.ContainsMatch: value = StringMatch.Contains(m.ContainsMatch); break;
            case HeaderMatcher.HeaderMatchSpecifierOneofCase.SafeRegexMatch: value = StringMatch.FullRegex(m.SafeRegexMatch.Regex); break;
            case HeaderMatcher.HeaderMatchSpecifierOneofCase.StringMatch: value = StringMatch.From(m.StringMatch); break;
            case HeaderMatcher.HeaderMatchSpecifierOneofCase.RangeMatch: range = (m.RangeMatch.Start, m.RangeMatch.End); break;
            case HeaderMatcher.HeaderMatchSpecifierOneofCase.PresentMatch: present = m.PresentMatch; break;
            default: present = true; break;
        }
        return new(m.Name, value, present, range, m.InvertMatch, m.TreatMissingHeaderAsEmpty);
    }

    public bool Matches(RouteRequest request) => Matches(request.Lookup);

    /// <summary>Matches against any header source: <paramref name="lookup"/> gives a name's joined values, or null when absent.</summary>
    public bool Matches(Func<string, string?> lookup)
    {
        var actual = lookup(_name);
        if (actual is null && !_missingAsEmpty)
        {
            // Absent: only a presence test can say anything; an inverted value matcher is false too.
            var isPresentType = _present is not null;
            return _invert ? isPresentType && _present == true : isPresentType && _present == false;
        }
        var value = actual ?? "";
        bool match;
        if (_present is { } p) match = p == (actual is not null);
        else if (_range is { } r) match = long.TryParse(value, out var n) && n >= r.Start && n < r.End;
        else match = _value!.Matches(value);
        return match != _invert;
    }
}
