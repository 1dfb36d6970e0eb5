using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Meshc.PolicyEngine.Kernel;

/// <summary>
/// The Linux <c>bpf(2)</c> commands the loader needs, through <c>syscall(2)</c> (x86-64 number 321). Each call fills
/// a zeroed <c>union bpf_attr</c> buffer field by field; failures return the errno, never throw.
/// </summary>
internal static partial class BpfSyscall
{
    private const long SysBpf = 321;
    private const int AttrSize = 128;

    public const int MapCreate = 0;
    public const int MapLookupElem = 1;
    public const int MapUpdateElem = 2;
    public const int ObjPin = 6;
    public const int ObjGet = 7;

    public const uint MapTypeHash = 1;
    public const uint MapTypeLpmTrie = 11;
    public const uint NoPrealloc = 1;

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial long syscall(long number, int cmd, byte* attr, uint size);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int close(int fd);

    [LibraryImport("libc", EntryPoint = "rename", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameCall(string from, string to);

    /// <summary>rename(2): atomically replaces <paramref name="to"/> (bpffs supports it for pins): 0 or -errno.</summary>
    public static int Rename(string from, string to) => RenameCall(from, to) == 0 ? 0 : -Marshal.GetLastPInvokeError();

    /// <summary>BPF_MAP_CREATE: the new map's fd, or -errno.</summary>
    public static int CreateMap(uint type, int keySize, int valueSize, int maxEntries, uint flags, string name)
    {
        Span<byte> attr = stackalloc byte[AttrSize];
        attr.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(attr, type);
        BinaryPrimitives.WriteUInt32LittleEndian(attr[4..], (uint)keySize);
        BinaryPrimitives.WriteUInt32LittleEndian(attr[8..], (uint)valueSize);
        BinaryPrimitives.WriteUInt32LittleEndian(attr[12..], (uint)maxEntries);
        BinaryPrimitives.WriteUInt32LittleEndian(attr[16..], flags);
        // map_name (16 bytes, NUL-terminated) follows inner_map_fd and numa_node.
        var bytes = System.Text.Encoding.ASCII.GetBytes(name.Length > 15 ? name[..15] : name);
        bytes.CopyTo(attr[28..]);
        return (int)Call(MapCreate, attr);
    }

    /// <summary>BPF_MAP_UPDATE_ELEM (flags BPF_ANY): 0 or -errno.</summary>
    public static unsafe int Update(int fd, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        fixed (byte* k = key)
        fixed (byte* v = value)
            return (int)ElementCall(MapUpdateElem, fd, k, v);
    }

    /// <summary>BPF_MAP_LOOKUP_ELEM into <paramref name="value"/>: 0 or -errno (-2 ENOENT when absent).</summary>
    public static unsafe int Lookup(int fd, ReadOnlySpan<byte> key, Span<byte> value)
    {
        fixed (byte* k = key)
        fixed (byte* v = value)
            return (int)ElementCall(MapLookupElem, fd, k, v);
    }

    /// <summary>BPF_OBJ_PIN of <paramref name="fd"/> at <paramref name="path"/> (on a bpffs): 0 or -errno.</summary>
    public static unsafe int Pin(int fd, string path)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(path + "\0");
        Span<byte> attr = stackalloc byte[AttrSize];
        attr.Clear();
        fixed (byte* p = bytes)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(attr, (ulong)p);
            BinaryPrimitives.WriteUInt32LittleEndian(attr[8..], (uint)fd);
            return (int)Call(ObjPin, attr);
        }
    }

    /// <summary>BPF_OBJ_GET: a new fd for the object pinned at <paramref name="path"/>, or -errno.</summary>
    public static unsafe int Get(string path)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(path + "\0");
        Span<byte> attr = stackalloc byte[AttrSize];
        attr.Clear();
        fixed (byte* p = bytes)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(attr, (ulong)p);
            return (int)Call(ObjGet, attr);
        }
    }

    private static unsafe long ElementCall(int cmd, int fd, byte* key, byte* value)
    {
        Span<byte> attr = stackalloc byte[AttrSize];
        attr.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(attr, (uint)fd);
        BinaryPrimitives.WriteUInt64LittleEndian(attr[8..], (ulong)key);
        BinaryPrimitives.WriteUInt64LittleEndian(attr[16..], (ulong)value);
        return Call(cmd, attr);
    }

    private static unsafe long Call(int cmd, Span<byte> attr)
    {
        fixed (byte* a = attr)
        {
            var result = syscall(SysBpf, cmd, a, AttrSize);
            return result < 0 ? -Marshal.GetLastPInvokeError() : result;
        }
    }
}
