using System.Text;
using System.Text.RegularExpressions;

namespace Meshc.Runtime.Tests.Conformance;

/// <summary>
/// The <c>spec.addresses</c> list of the one Gateway in a conformance test file, read and rewritten as text. The suite
/// fills the placeholders of GatewayStaticAddresses in when it applies the manifest: the list becomes the entries of
/// type <c>test/fake-invalid-type</c>, then the unusable addresses the implementation supplies (for
/// <c>PLACEHOLDER_UNUSABLE_ADDRS</c>), then the usable ones (for <c>PLACEHOLDER_USABLE_ADDRS</c>); it later patches
/// entries away by value. <see cref="Overlay"/> and <see cref="Write"/> do the same to the YAML.
/// </summary>
internal static partial class GatewayAddressList
{
    public const string FakeInvalidType = "test/fake-invalid-type";
    private const string UsablePlaceholder = "PLACEHOLDER_USABLE_ADDRS";
    private const string UnusablePlaceholder = "PLACEHOLDER_UNUSABLE_ADDRS";

    /// <summary>One address as <c>spec.addresses</c> holds it; the suite writes supplied addresses with type IPAddress.</summary>
    public sealed record Address(string? Type, string? Value);

    /// <summary>The list the suite applies for the file's list and the supplied addresses.</summary>
    public static IReadOnlyList<Address> Overlay(string yaml, IReadOnlyList<string> unusable, IReadOnlyList<string> usable)
    {
        var written = Read(yaml);
        var list = written.Where(a => a.Type == FakeInvalidType).ToList();
        if (written.Any(a => a.Value == UnusablePlaceholder)) list.AddRange(unusable.Select(v => new Address("IPAddress", v)));
        if (written.Any(a => a.Value == UsablePlaceholder)) list.AddRange(usable.Select(v => new Address("IPAddress", v)));
        return list;
    }

    /// <summary>The entries of the file's <c>addresses:</c> list (type and value as written, null when absent).</summary>
    public static IReadOnlyList<Address> Read(string yaml)
    {
        var (start, length, _) = Block(yaml);
        return [.. Regex.Split(yaml.Substring(start, length), @"^\s*-\s", RegexOptions.Multiline).Skip(1).Select(entry =>
            new Address(Field(entry, "type"), Field(entry, "value")))];
    }

    /// <summary>The YAML with the Gateway's <c>addresses:</c> list replaced by <paramref name="addresses"/>.</summary>
    public static string Write(string yaml, IEnumerable<Address> addresses)
    {
        var (start, length, indent) = Block(yaml);
        var text = new StringBuilder();
        foreach (var address in addresses)
        {
            var first = true;
            foreach (var (key, value) in new[] { ("type", address.Type), ("value", address.Value) })
            {
                if (value is null) continue;
                text.Append(indent).Append(first ? "- " : "  ").Append(key).Append(": \"").Append(value).Append("\"\n");
                first = false;
            }
        }
        return yaml[..start] + text + yaml[(start + length)..];
    }

    /// <summary>Where the list's entries are: the lines after <c>addresses:</c> that are list items, deeper, or comments.</summary>
    private static (int Start, int Length, string Indent) Block(string yaml)
    {
        var key = AddressesKey().Match(yaml);
        if (!key.Success) throw new InvalidOperationException("the manifest has no 'addresses:' list");
        var indent = key.Groups["indent"].Value;
        var start = key.Index + key.Length;
        var end = start;
        while (end < yaml.Length)
        {
            var lineEnd = yaml.IndexOf('\n', end);
            var line = lineEnd < 0 ? yaml[end..] : yaml[end..lineEnd];
            var trimmed = line.TrimStart();
            var depth = line.Length - trimmed.Length;
            var inside = trimmed.Length == 0 || trimmed.StartsWith('#') || depth > indent.Length || (depth == indent.Length && trimmed.StartsWith("- ", StringComparison.Ordinal));
            if (!inside) break;
            end = lineEnd < 0 ? yaml.Length : lineEnd + 1;
        }
        return (start, end - start, indent);
    }

    private static string? Field(string entry, string name)
    {
        var match = Regex.Match(entry, $@"(?:^|\s){name}:\s*""?(?<v>[^""\n]*?)""?\s*$", RegexOptions.Multiline);
        return match.Success ? match.Groups["v"].Value : null;
    }

    [GeneratedRegex(@"^(?<indent>[ ]*)addresses:[ ]*\n", RegexOptions.Multiline)]
    private static partial Regex AddressesKey();
}
