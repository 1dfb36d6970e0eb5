using System.Buffers.Binary;
using System.Text;

namespace Meshc.Compiler.BackEnds.Bpf;

/// <summary>
/// <c>bpf/&lt;map&gt;.bin</c>: a 20-byte header — magic <c>MCBPF\0</c>, format version (u16 LE), key size, value size
/// and entry count (u32 LE each) — then each entry's key bytes followed by its value bytes, in key order
/// (docs/bpf.md).
/// </summary>
public static class BpfMapFile
{
    public const ushort FormatVersion = 1;
    public const int HeaderSize = 20;
    public static ReadOnlySpan<byte> Magic => "MCBPF\0"u8;

    public static byte[] Write(BpfMap map)
    {
        var bytes = new byte[HeaderSize + map.Entries.Count * (map.KeySize + map.ValueSize)];
        var span = bytes.AsSpan();
        Magic.CopyTo(span);
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], FormatVersion);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], (uint)map.KeySize);
        BinaryPrimitives.WriteUInt32LittleEndian(span[12..], (uint)map.ValueSize);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], (uint)map.Entries.Count);
        var offset = HeaderSize;
        foreach (var entry in map.Entries)
        {
            entry.Key.CopyTo(span[offset..]);
            entry.Value.CopyTo(span[(offset + map.KeySize)..]);
            offset += map.KeySize + map.ValueSize;
        }
        return bytes;
    }

    /// <summary><c>bpf/&lt;map&gt;.txt</c>: a comment header, then one line per entry in the same order as the .bin.</summary>
    public static string Dump(BpfMap map, string heading)
    {
        var text = new StringBuilder();
        text.Append("# ").Append(map.Name).Append(": ").Append(map.Entries.Count).Append(" entries (max ").Append(map.MaxEntries)
            .Append("), key ").Append(map.KeySize).Append(" B, value ").Append(map.ValueSize).Append(" B\n");
        text.Append(heading).Append('\n');
        foreach (var entry in map.Entries) text.Append(entry.Description).Append('\n');
        return text.ToString();
    }
}
