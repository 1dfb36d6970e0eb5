using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Meshc.Generators;

/// <summary>
/// Reads DiagnosticCatalog.txt: <c>code | severity | name | message</c>, optionally followed by indented
/// <c>help: …</c> lines (what the diagnostic means and how to fix it; several lines join with spaces); '#' starts a
/// comment line. An error's severity carries what it does to the bundle: <c>error/blocking</c> or <c>error/fallback</c>.
/// A bare <c>error</c> is read as unclassified (it blocks, and a test names it) so a new line never breaks the build of
/// a concurrent change.
/// </summary>
internal static class CatalogParser
{
    private static readonly char[] FieldSeparator = ['|'];

    private static readonly Regex CodePattern = new("^MC[0-9]{4}$");
    private static readonly Regex NamePattern = new("^[A-Z][A-Za-z0-9]*$");
    private static readonly Regex Placeholder = new(@"\{([a-zA-Z][a-zA-Z0-9]*)(:int)?\}");
    private static readonly string[] Severities = { "info", "warning", "error" };
    private static readonly string[] Effects = { "blocking", "fallback" };

    internal sealed class Result
    {
        public string Path = "";
        public List<CatalogEntry> Entries = new();
        public List<(int Line, string Message)> Errors = new();
    }

    public static Result Parse(string path, string text)
    {
        var result = new Result { Path = path };
        var codes = new HashSet<string>();
        var names = new HashSet<string>();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            if (line.StartsWith("help:", System.StringComparison.Ordinal))
            {
                var help = line.Substring("help:".Length).Trim();
                if (result.Entries.Count == 0 || lines[i].Length == line.Length) result.Errors.Add((i + 1, "a 'help:' line must be indented under its code's line"));
                else if (help.Length == 0) result.Errors.Add((i + 1, "a 'help:' line needs text"));
                else
                {
                    var entry = result.Entries[result.Entries.Count - 1];
                    entry.Help = entry.Help is null ? help : entry.Help + " " + help;
                }
                continue;
            }
            var fields = line.Split(FieldSeparator, 4).Select(f => f.Trim()).ToArray();
            void Fail(string message) => result.Errors.Add((i + 1, message));
            if (fields.Length != 4) { Fail("expected 'code | severity | name | message'"); continue; }
            var (code, severityField, name, template) = (fields[0], fields[1], fields[2], fields[3]);
            var slash = severityField.IndexOf('/');
            var severity = slash < 0 ? severityField : severityField.Substring(0, slash);
            var effect = slash < 0 ? "" : severityField.Substring(slash + 1);
            if (!CodePattern.IsMatch(code)) { Fail($"'{code}' is not a code of the form MC0000"); continue; }
            if (!Severities.Contains(severity)) { Fail($"severity '{severity}' must be info, warning or error"); continue; }
            if (slash >= 0 && (severity != "error" || !Effects.Contains(effect)))
            {
                Fail($"'{severityField}': only an error names its effect on the bundle, error/blocking or error/fallback");
                continue;
            }
            if (!NamePattern.IsMatch(name)) { Fail($"name '{name}' must be PascalCase"); continue; }
            if (!codes.Add(code)) { Fail($"code {code} appears twice"); continue; }
            if (!names.Add(name)) { Fail($"name {name} appears twice"); continue; }
            result.Entries.Add(new CatalogEntry(code, severity, effect, name, template, Split(template)));
        }
        return result;
    }

    private static List<TemplatePart> Split(string template)
    {
        var parts = new List<TemplatePart>();
        var at = 0;
        foreach (Match m in Placeholder.Matches(template))
        {
            if (m.Index > at) parts.Add(new TemplatePart(template.Substring(at, m.Index - at), null, false));
            parts.Add(new TemplatePart(null, m.Groups[1].Value, m.Groups[2].Success));
            at = m.Index + m.Length;
        }
        if (at < template.Length) parts.Add(new TemplatePart(template.Substring(at), null, false));
        return parts;
    }
}
