namespace Meshc.Compiler.Schemas;

/// <summary>
/// One way an instance breaks its schema, in words: <paramref name="Path"/> names the value the message is about
/// ("spec.rules[0].backendRefs[0].weight"), <paramref name="Pointer"/> (RFC 6901) where to point, at the member's key
/// when <paramref name="AtKey"/> (unknown fields), else at the value. <paramref name="Expected"/> is what a value
/// of the wrong type or format should have been ("an IPv4 address"), so alternatives can be merged into one message.
/// </summary>
internal sealed record SchemaViolation(string Pointer, string Path, bool AtKey, string Problem, string? Hint = null, string? Expected = null)
{
    /// <summary>The message detail: "path: problem", or the problem alone at the top of the object.</summary>
    public string Detail => Path.Length == 0 ? Problem : $"{Path}: {Problem}";

    /// <summary>How deep the finding sits (the number of pointer segments), to prefer the most specific branch.</summary>
    public int Depth => Pointer.Count(c => c == '/');
}
