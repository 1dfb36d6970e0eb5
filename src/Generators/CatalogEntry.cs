using System.Collections.Generic;

namespace Meshc.Generators;

/// <summary>One parsed catalog line.</summary>
internal sealed class CatalogEntry
{
    public CatalogEntry(string code, string severity, string effect, string name, string template, List<TemplatePart> parts)
    {
        Code = code; Severity = severity; Effect = effect; Name = name; Template = template; Parts = parts;
    }

    public string Code { get; }
    public string Severity { get; }

    /// <summary>For an error: "blocking", "fallback", or "" when the catalog line does not say (unclassified).</summary>
    public string Effect { get; }
    public string Name { get; }
    public string Template { get; }

    /// <summary>The entry's help text (its <c>help:</c> lines joined), or null.</summary>
    public string? Help { get; set; }

    /// <summary>The template cut into literal text and placeholders, in order.</summary>
    public List<TemplatePart> Parts { get; }
}

/// <summary>Either literal text or a placeholder {name} / {name:int}.</summary>
internal sealed class TemplatePart
{
    public TemplatePart(string? literal, string? parameter, bool isInt)
    {
        Literal = literal; Parameter = parameter; IsInt = isInt;
    }

    public string? Literal { get; }
    public string? Parameter { get; }
    public bool IsInt { get; }
}
