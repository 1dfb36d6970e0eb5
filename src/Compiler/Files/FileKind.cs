using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Meshc.Compiler.Files;

/// <summary>What a path names, as <c>stat(2)</c> sees it: reading a FIFO hangs and a device never ends, so only regular files are read.</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    Symlink,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
}

/// <summary>Finds a path's <see cref="FileKind"/> through Linux's <c>statx(2)</c>, whose buffer layout is the same on every architecture.</summary>
public static partial class FileKinds
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const uint StatxSize = 0x200;
    private const int ModeOffset = 28;
    private const int SizeOffset = 40;

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, Span<byte> buffer);

    /// <summary>The kind of <paramref name="path"/>, following symbolic links unless <paramref name="followLinks"/> is false.</summary>
    public static FileKind Of(string path, bool followLinks = true) => Stat(path, followLinks).Kind;

    /// <summary>The kind and size of <paramref name="path"/> (size 0 unless it is a regular file).</summary>
    public static (FileKind Kind, long Size) Stat(string path, bool followLinks = true)
    {
        if (!OperatingSystem.IsLinux()) return Portable(path, followLinks);
        Span<byte> buffer = stackalloc byte[256];
        buffer.Clear();
        try
        {
            if (Statx(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow, StatxType | StatxSize, buffer) != 0) return (FileKind.Missing, 0);
        }
        catch (EntryPointNotFoundException)
        {
            // A C library older than glibc 2.28 has no statx; FIFOs and devices then pass as files of size 0.
            return Portable(path, followLinks);
        }
        var kind = (BinaryPrimitives.ReadUInt16LittleEndian(buffer[ModeOffset..]) & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.Symlink,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Missing,
        };
        return (kind, kind == FileKind.Regular ? (long)BinaryPrimitives.ReadUInt64LittleEndian(buffer[SizeOffset..]) : 0);
    }

    /// <summary>How a message names a kind: "a FIFO", "a character device".</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Missing => "missing",
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a folder",
        FileKind.Symlink => "a symbolic link",
        FileKind.Fifo => "a FIFO",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    // Elsewhere (no FIFOs or devices among ordinary paths) the file system API tells enough.
    private static (FileKind, long) Portable(string path, bool followLinks)
    {
        var info = new FileInfo(path);
        if (!followLinks && info.LinkTarget is not null) return (FileKind.Symlink, 0);
        if (info.Exists) return (FileKind.Regular, info.Length);
        return Directory.Exists(path) ? (FileKind.Directory, 0) : (FileKind.Missing, 0);
    }
}
