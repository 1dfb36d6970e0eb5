using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Meshc.EnvoyApi;

namespace Meshc.Compiler.BackEnds.Xds;

/// <summary>
/// One xDS file as Envoy's file subscriptions read it: a <c>DiscoveryResponse</c> in JSON whose resources are
/// <c>Any</c>s with an <c>"@type"</c>, in the order given (callers sort by name). <c>version_info</c> is a hash of
/// the resources, so it changes exactly when they do (Envoy shows it in its stats and config dump).
/// </summary>
/// <remarks>
/// The envelope is written here rather than by formatting a <c>DiscoveryResponse</c> message: that would pack every
/// resource into an <c>Any</c> only for the formatter to parse it back, and each resource is formatted once
/// (<see cref="Format"/>) even when it appears in two files (the whole snapshot and its own file).
/// </remarks>
internal static class DiscoveryFile
{
    /// <summary>A resource's indented JSON, formatted once and reused by every file that lists it.</summary>
    public static string Format(IMessage resource) => EnvoyJson.FormatIndented(resource);

    /// <summary>
    /// The file's UTF-8 bytes: indented JSON ending in a newline, laid out as protobuf's indented JSON would be.
    /// </summary>
    public static byte[] Write(string typeUrl, IReadOnlyList<string> formattedResources)
    {
        var version = Version(formattedResources);
        // Laid out twice, once to count the bytes and once to write them, so no intermediate text is built. The
        // pieces are encoded one by one; none splits a surrogate pair (resources are cut only at line breaks).
        var counter = new Utf8Sink([]);
        Lay(ref counter, typeUrl, formattedResources, version);
        var bytes = new byte[counter.Length];
        var sink = new Utf8Sink(bytes);
        Lay(ref sink, typeUrl, formattedResources, version);
        return bytes;
    }

    private static void Lay(ref Utf8Sink file, string typeUrl, IReadOnlyList<string> formattedResources, string version)
    {
        file.Append("{\n  \"versionInfo\": \"");
        file.Append(version);
        file.Append("\",\n");
        if (formattedResources.Count > 0)
        {
            file.Append("  \"resources\": [\n");
            for (var i = 0; i < formattedResources.Count; i++)
            {
                AppendAny(ref file, typeUrl, formattedResources[i]);
                file.Append(i + 1 < formattedResources.Count ? ",\n" : "\n");
            }
            file.Append("  ],\n");
        }
        file.Append("  \"typeUrl\": \"");
        file.Append(typeUrl);
        file.Append("\"\n}\n");
    }

    /// <summary>
    /// The first 16 hex digits of the SHA-256 of the UTF-8 text made of each resource followed by a newline, hashed
    /// piece by piece rather than by building that text.
    /// </summary>
    private static string Version(IReadOnlyList<string> formattedResources)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            foreach (var resource in formattedResources)
            {
                var needed = Encoding.UTF8.GetMaxByteCount(resource.Length) + 1;
                if (buffer.Length < needed)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = ArrayPool<byte>.Shared.Rent(needed);
                }
                var written = Encoding.UTF8.GetBytes(resource, buffer);
                buffer[written] = (byte)'\n';
                sha.AppendData(buffer, 0, written + 1);
            }
            return Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes <c>{ "@type": url, …fields }</c> indented four more spaces than the resource's own text.</summary>
    private static void AppendAny(ref Utf8Sink file, string typeUrl, string resource)
    {
        file.Append("    {\n      \"@type\": \"");
        file.Append(typeUrl);
        file.Append("\"");
        var text = resource.AsSpan();
        var first = text.IndexOf('\n');
        var last = text.LastIndexOf('\n');
        // An empty message formats as "{ }" on one line; otherwise the first and last lines are the braces.
        if (first >= 0 && last > first)
        {
            file.Append(",\n");
            var inner = text[(first + 1)..last];
            while (true)
            {
                var end = inner.IndexOf('\n');
                file.Append("    ");
                file.Append(end < 0 ? inner : inner[..end]);
                if (end < 0) break;
                file.Append("\n");
                inner = inner[(end + 1)..];
            }
        }
        file.Append("\n    }");
    }

    /// <summary>Appends text as UTF-8 to a buffer, or with an empty buffer only counts the bytes (the first of the two passes).</summary>
    private ref struct Utf8Sink(Span<byte> buffer)
    {
        private readonly Span<byte> _buffer = buffer;
        private readonly bool _countOnly = buffer.IsEmpty;

        public int Length { get; private set; }

        public void Append(ReadOnlySpan<char> text)
        {
            Length += _countOnly ? Encoding.UTF8.GetByteCount(text) : Encoding.UTF8.GetBytes(text, _buffer[Length..]);
        }
    }
}
