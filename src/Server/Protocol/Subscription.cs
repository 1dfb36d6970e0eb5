namespace Meshc.Server.Protocol;

/// <summary>
/// What a stream asked for of one type: a wildcard (everything the node sees of it), names, or both. Follows the xDS
/// protocol's rules: <c>*</c> subscribes to the wildcard explicitly; a first request without names is the legacy
/// wildcard, which a state-of-the-world client keeps by sending no names and leaves by naming resources.
/// </summary>
public sealed class Subscription
{
    public const string WildcardName = "*";

    private HashSet<string>? _names;
    private bool _legacyWildcard;

    public bool Wildcard { get; private set; }

    /// <summary>The names asked for (without <c>*</c>).</summary>
    public IReadOnlyCollection<string> Names => (IReadOnlyCollection<string>?)_names ?? [];

    /// <summary>State of the world: the request's names replace the previous ones. True when anything changed.</summary>
    public bool Replace(IReadOnlyList<string> names, bool first)
    {
        var wasWildcard = Wildcard;
        var before = _names;
        if (names.Count == 0)
        {
            _legacyWildcard = first || _legacyWildcard;
            Wildcard = _legacyWildcard;
            _names = null;
        }
        else
        {
            _legacyWildcard = false;
            Wildcard = names.Contains(WildcardName);
            var set = names.Where(n => n != WildcardName).ToHashSet(StringComparer.Ordinal);
            _names = set.Count > 0 ? set : null;
        }
        return wasWildcard != Wildcard || !SameNames(before, _names);
    }

    /// <summary>Incremental: names are added and removed. Returns the names newly asked for, and whether anything changed.</summary>
    public (IReadOnlyList<string> Added, bool Changed) Change(IReadOnlyList<string> subscribe, IReadOnlyList<string> unsubscribe, bool first)
    {
        var changed = false;
        var added = new List<string>();
        if (first && subscribe.Count == 0)
        {
            Wildcard = true;
            changed = true;
        }
        foreach (var name in subscribe)
        {
            if (name == WildcardName)
            {
                changed |= !Wildcard;
                Wildcard = true;
            }
            else if ((_names ??= new HashSet<string>(StringComparer.Ordinal)).Add(name))
            {
                added.Add(name);
                changed = true;
            }
        }
        foreach (var name in unsubscribe)
        {
            if (name == WildcardName)
            {
                changed |= Wildcard;
                Wildcard = false;
            }
            else if (_names?.Remove(name) == true)
            {
                changed = true;
            }
        }
        if (_names is { Count: 0 }) _names = null;
        return (added, changed);
    }

    public bool Contains(string name) => _names?.Contains(name) == true;

    private static bool SameNames(HashSet<string>? a, HashSet<string>? b) =>
        (a?.Count ?? 0) == (b?.Count ?? 0) && (a is null || b is null || a.SetEquals(b));

    public override string ToString() =>
        (Wildcard ? "*" : "") + (Names.Count > 0 ? (Wildcard ? "+" : "") + $"{Names.Count} names" : "");
}
