using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Meshc.Runtime.Proxy;

/// <summary>
/// What Envoy's tls_inspector reads from a TLS ClientHello without terminating: the server name (SNI) and the ALPN
/// protocols. <see cref="TryParse"/> works on the bytes received so far and says when it needs more; a ClientHello may
/// span several TLS records.
/// </summary>
public sealed record ClientHello(string? ServerName, IReadOnlyList<string> Alpn)
{
    /// <summary>The largest ClientHello the inspector waits for (Envoy's tls_inspector reads at most 64 KiB).</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>The outcome of one attempt: parsed, needs more bytes, or not a TLS ClientHello.</summary>
    public enum Status { Parsed, NeedMore, NotTls }

    /// <summary>True when the first byte is a TLS handshake record (content type 22).</summary>
    public static bool LooksLikeTls(byte first) => first == 0x16;

    public static Status TryParse(ReadOnlySequence<byte> buffer, out ClientHello? hello)
    {
        hello = null;
        // Gather the handshake bytes carried by consecutive handshake records.
        var handshake = new List<byte>();
        var reader = new SequenceReader<byte>(buffer);
        int? needed = null;
        while (true)
        {
            if (reader.Remaining < 5) return Status.NeedMore;
            reader.TryRead(out var type);
            if (type != 0x16) return Status.NotTls;
            reader.TryRead(out var major);
            reader.Advance(1);
            if (major != 3) return Status.NotTls;
            reader.TryReadBigEndian(out short length);
            if (length <= 0 || length > 18432) return Status.NotTls;
            if (reader.Remaining < length) return Status.NeedMore;
            var record = new byte[length];
            reader.TryCopyTo(record);
            reader.Advance(length);
            handshake.AddRange(record);
            if (needed is null && handshake.Count >= 4)
            {
                if (handshake[0] != 1) return Status.NotTls;
                needed = 4 + ((handshake[1] << 16) | (handshake[2] << 8) | handshake[3]);
                if (needed > MaxBytes) return Status.NotTls;
            }
            if (needed is { } n && handshake.Count >= n) break;
        }
        hello = Parse(handshake.ToArray().AsSpan(4, needed.Value - 4));
        return hello is null ? Status.NotTls : Status.Parsed;
    }

    private static ClientHello? Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            var at = 2 + 32; // client_version, random
            at += 1 + body[at]; // session_id
            at += 2 + BinaryPrimitives.ReadUInt16BigEndian(body[at..]); // cipher_suites
            at += 1 + body[at]; // compression_methods
            if (at + 2 > body.Length) return new ClientHello(null, []);
            var end = at + 2 + BinaryPrimitives.ReadUInt16BigEndian(body[at..]);
            at += 2;
            string? name = null;
            var alpn = new List<string>();
            while (at + 4 <= end)
            {
                var type = BinaryPrimitives.ReadUInt16BigEndian(body[at..]);
                var length = BinaryPrimitives.ReadUInt16BigEndian(body[(at + 2)..]);
                var data = body.Slice(at + 4, length);
                if (type == 0) name = ReadServerName(data);
                else if (type == 16) Protocols(data, alpn);
                at += 4 + length;
            }
            return new ClientHello(name, alpn);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static string? ReadServerName(ReadOnlySpan<byte> data)
    {
        var at = 2;
        while (at + 3 <= data.Length)
        {
            var kind = data[at];
            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(at + 1)..]);
            if (kind == 0) return Encoding.ASCII.GetString(data.Slice(at + 3, length)).ToLowerInvariant();
            at += 3 + length;
        }
        return null;
    }

    private static void Protocols(ReadOnlySpan<byte> data, List<string> into)
    {
        var at = 2;
        while (at < data.Length)
        {
            var length = data[at];
            into.Add(Encoding.ASCII.GetString(data.Slice(at + 1, length)));
            at += 1 + length;
        }
    }
}
