namespace Meshc.Compiler.Text;

/// <summary>"Did you mean" suggestions: the closest candidate within a small edit distance.</summary>
public static class Spelling
{
    /// <summary>The candidate nearest to <paramref name="word"/>, or null when none is close enough to be a likely typo.</summary>
    public static string? Suggest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var d = Distance(word.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance || (d == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = d;
            }
        }
        // A third of the word's length (at least 1, at most 3) keeps "ech0-1" → "echo-1" but not "api" → "web".
        // A difference in case alone (distance 0 here) is a likely typo too: "pathPrefix" → "PathPrefix".
        var allowed = Math.Clamp(word.Length / 3, 1, 3);
        return best is not null && bestDistance <= allowed && !string.Equals(best, word, StringComparison.Ordinal) ? best : null;
    }

    /// <summary>Hint text for a diagnostic, or null.</summary>
    public static string? DidYouMean(string word, IEnumerable<string> candidates) =>
        Suggest(word, candidates) is { } s ? $"did you mean '{s}'?" : null;

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
        {
            var cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
        }
        return d[a.Length, b.Length];
    }
}
