using System.Text.RegularExpressions;

namespace Meshc.Compiler.BackEnds.Kubernetes;

/// <summary>
/// Writes a string as a YAML scalar for the templates: plain when it can only read back as that string (a name, a
/// label key), double-quoted (JSON escaping, which YAML double-quoted scalars accept) otherwise.
/// </summary>
internal static partial class YamlScalar
{
    // YAML 1.1 readers (and so kubectl) take these words as booleans or null.
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "y", "n", "yes", "no", "on", "off", "true", "false", "null",
    };

    public static string Quote(string? value) =>
        value is not null && Plain().IsMatch(value) && !Reserved.Contains(value) ? value : Output.JsonString.Quote(value ?? "");

    // Starts with a letter so it is never a number; no ':', '#' or spaces so it is never a key or a comment.
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9._/-]*$")]
    private static partial Regex Plain();
}
