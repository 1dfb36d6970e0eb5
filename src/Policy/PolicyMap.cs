namespace Meshc.PolicyEngine;

/// <summary>
/// An endpoint's policy map in process with LPM-trie semantics: a lookup with the full 64-bit prefix returns the
/// entry with the longest prefix whose leading bits equal the lookup key's, comparing the key bytes from offset 4 as
/// stored (identity, direction, protocol, port), as the kernel trie does.
/// </summary>
public sealed class PolicyMap : IPolicyEntries
{
    private readonly IReadOnlyList<(PolicyMapKey Key, PolicyMapValue Value)> _entries;

    public PolicyMap(string name, IEnumerable<(PolicyMapKey Key, PolicyMapValue Value)> entries)
    {
        Name = name;
        _entries = [.. entries];
    }

    public string Name { get; }
    public int Count => _entries.Count;

    public static PolicyMap From(BpfMapImage image) =>
        new(image.Name, image.Entries.Select(e => (PolicyMapKey.Decode(e.Key), PolicyMapValue.Decode(e.Value))));

    /// <summary>The longest-prefix entry for <paramref name="key"/> (its prefix length is ignored: lookups use all bits).</summary>
    public (PolicyMapKey Key, PolicyMapValue Value)? Lookup(PolicyMapKey key)
    {
        var bits = key.DataBits;
        (PolicyMapKey, PolicyMapValue)? best = null;
        var bestLength = -1;
        foreach (var (k, v) in _entries)
        {
            var length = (int)Math.Min(k.PrefixLength, PolicyMapKey.FullPrefix);
            var mask = length == 0 ? 0UL : ulong.MaxValue << (64 - length);
            if ((k.DataBits & mask) == (bits & mask) && length > bestLength)
            {
                best = (k, v);
                bestLength = length;
            }
        }
        return best;
    }
}
