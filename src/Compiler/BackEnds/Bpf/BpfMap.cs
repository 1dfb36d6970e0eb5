namespace Meshc.Compiler.BackEnds.Bpf;

/// <summary>
/// One map as the bundle stores it: its pinned name, key and value sizes, its default capacity and its entries
/// sorted by key bytes. Each entry keeps a one-line description for the readable dump.
/// </summary>
public sealed record BpfMap(string Name, int KeySize, int ValueSize, int MaxEntries, IReadOnlyList<BpfMapEntry> Entries)
{
    public static BpfMap Create(string name, int keySize, int valueSize, int maxEntries, IEnumerable<BpfMapEntry> entries) =>
        new(name, keySize, valueSize, maxEntries, [.. entries.OrderBy(e => e.Key, ByteOrder.Instance)]);
}

/// <summary>A key, its value and the dump line that describes them.</summary>
public sealed record BpfMapEntry(byte[] Key, byte[] Value, string Description);

/// <summary>Orders byte arrays lexicographically (memcmp order).</summary>
public sealed class ByteOrder : IComparer<byte[]>
{
    public static readonly ByteOrder Instance = new();
    public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
}
