namespace Meshc.Compiler.Ir;

/// <summary>A Kubernetes label selector: matchLabels and matchExpressions, all of which must hold.</summary>
public sealed record LabelSelector(ValueList<Label> MatchLabels, ValueList<SelectorRequirement> MatchExpressions)
{
    /// <summary>True when every label and expression holds for <paramref name="labels"/>.</summary>
    public bool Matches(IReadOnlyList<Label> labels)
    {
        string? Get(string key) => labels.FirstOrDefault(l => l.Key == key)?.Value;
        if (MatchLabels.Any(m => Get(m.Key) != m.Value)) return false;
        return MatchExpressions.All(e => e.Operator switch
        {
            "In" => Get(e.Key) is { } v && e.Values.Contains(v),
            "NotIn" => Get(e.Key) is not { } v2 || !e.Values.Contains(v2),
            "Exists" => Get(e.Key) is not null,
            "DoesNotExist" => Get(e.Key) is null,
            _ => false,
        });
    }
}

/// <summary>One <c>matchExpressions</c> entry: key, operator (In, NotIn, Exists, DoesNotExist) and values.</summary>
public sealed record SelectorRequirement(string Key, string Operator, ValueList<string> Values);
