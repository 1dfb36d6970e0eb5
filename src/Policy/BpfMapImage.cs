using System.Buffers.Binary;

namespace Meshc.PolicyEngine;

/// <summary>
/// One <c>bpf/&lt;map&gt;.bin</c> of a bundle, verified: the magic <c>MCBPF\0</c>, format version 1, the key and value
/// sizes the reader expects, and a length that matches the entry count (docs/bpf.md).
/// </summary>
public sealed record BpfMapImage(string Name, int KeySize, int ValueSize, IReadOnlyList<(byte[] Key, byte[] Value)> Entries)
{
    public const int HeaderSize = 20;
    public const ushort FormatVersion = 1;

    /// <summary>The image, or an error saying in one line what is wrong with the bytes.</summary>
    public static (BpfMapImage? Image, string? Error) Read(string name, byte[] bytes, int keySize, int valueSize)
    {
        if (bytes.Length < HeaderSize || !bytes.AsSpan(0, 6).SequenceEqual("MCBPF\0"u8)) return (null, $"{name}: not a meshc BPF map file (no MCBPF header)");
        var version = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(6));
        if (version != FormatVersion) return (null, $"{name}: format version {version} is not supported (this reader reads {FormatVersion})");
        var keys = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8));
        var values = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(12));
        if (keys != keySize || values != valueSize) return (null, $"{name}: key/value sizes {keys}/{values} B, expected {keySize}/{valueSize} B");
        var count = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(16));
        if ((long)bytes.Length != HeaderSize + count * (long)(keySize + valueSize)) return (null, $"{name}: {bytes.Length} bytes do not hold {count} entries");
        var entries = new List<(byte[], byte[])>((int)count);
        for (var offset = HeaderSize; offset < bytes.Length; offset += keySize + valueSize)
            entries.Add((bytes[offset..(offset + keySize)], bytes[(offset + keySize)..(offset + keySize + valueSize)]));
        return (new BpfMapImage(name, keySize, valueSize, entries), null);
    }
}
