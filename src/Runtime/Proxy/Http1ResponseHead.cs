using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Meshc.Runtime.Proxy;

/// <summary>What a response head says about the message: its status and how its body is framed.</summary>
internal struct Http1ResponseHead
{
    public int Status;
    public string? Reason;

    /// <summary>-1: none given.</summary>
    public long ContentLength;
    public bool Chunked;

    /// <summary><c>Connection: close</c>, or HTTP/1.0 without keep-alive: the connection ends with this response.</summary>
    public bool Close;

    /// <summary>
    /// Finds a complete head in <c>buffer[start..end]</c> and reads it; returns its length, or 0 when more bytes are
    /// needed. Headers go to <paramref name="headers"/> unless it is null (an interim 1xx, or a response held back),
    /// hop-by-hop ones excepted; the framing headers are read into the fields whatever. <paramref name="values"/>, the
    /// connection's last header values, lets a repeated value be reused.
    /// </summary>
    public static int TryRead(ReadOnlySpan<byte> buffer, ref Http1ResponseHead head, IHeaderDictionary? headers, Http1HeaderValues? values = null)
    {
        var end = HeadEnd(buffer);
        if (end < 0) return 0;
        head = new Http1ResponseHead { ContentLength = -1 };
        var lines = buffer[..end];
        // Counted before anything is copied: a refused head leaves the client's response untouched. The status line and
        // the empty line are no headers.
        if (lines.Count((byte)'\n') - 2 > ForwardTransformer.MaxResponseHeaders)
            throw new Http1HeadLimitException("upstream response with more header lines than Envoy's codec takes");
        var eol = lines.IndexOf((byte)'\n');
        ReadStatusLine(TrimCr(lines[..eol]), ref head, out var keepAliveByDefault);
        var keepAlive = false;
        lines = lines[(eol + 1)..];
        Span<char> name = stackalloc char[64];
        while (lines.Length > 0)
        {
            eol = lines.IndexOf((byte)'\n');
            var line = TrimCr(eol < 0 ? lines : lines[..eol]);
            lines = eol < 0 ? default : lines[(eol + 1)..];
            if (line.Length == 0) break;
            var colon = line.IndexOf((byte)':');
            if (colon <= 0) throw new Http1ProtocolException("malformed upstream response header");
            var rawName = line[..colon];
            var rawValue = Trim(line[(colon + 1)..]);
            if (rawName.Length > name.Length || rawName.IndexOfAny((byte)' ', (byte)'\t') >= 0) throw new Http1ProtocolException("malformed upstream response header name");
            var chars = name[..Encoding.Latin1.GetChars(rawName, name)];
            if (chars.Equals("content-length", StringComparison.OrdinalIgnoreCase))
            {
                if (!long.TryParse(rawValue, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length)
                    || (head.ContentLength >= 0 && head.ContentLength != length))
                    throw new Http1ProtocolException("invalid upstream Content-Length");
                head.ContentLength = length;
                continue;
            }
            if (chars.Equals("transfer-encoding", StringComparison.OrdinalIgnoreCase))
            {
                // Only chunked is read; any other coding (alone or last) cannot be framed.
                if (!EndsWithChunked(rawValue)) throw new Http1ProtocolException("unsupported upstream Transfer-Encoding");
                head.Chunked = true;
                continue;
            }
            if (chars.Equals("connection", StringComparison.OrdinalIgnoreCase))
            {
                if (Has(rawValue, "close"u8)) head.Close = true;
                if (Has(rawValue, "keep-alive"u8)) keepAlive = true;
                continue;
            }
            if (headers is null || HopByHop.Contains(chars)) continue;
            // A known name's value is likely the one this connection's last answer had: reused, not allocated again.
            if (values is not null && KnownHeaders.Known(chars) is { } known) Add(headers, known, values.Get(known, rawValue));
            else Add(headers, KnownHeaders.Name(chars), Encoding.Latin1.GetString(rawValue));
        }
        if (!keepAliveByDefault && !keepAlive) head.Close = true;
        // A chunked message's length is its chunks' (RFC 9112 §6.3); a Content-Length beside it is ignored.
        if (head.Chunked) head.ContentLength = -1;
        else if (headers is not null && head.ContentLength >= 0) headers.ContentLength = head.ContentLength;
        return end;
    }

    /// <summary>
    /// Adds a header line, repeated names as separate values. Not <c>IHeaderDictionary.Append</c>: it drops a header
    /// whose value is empty, which the upstream sent and the client must get.
    /// </summary>
    private static void Add(IHeaderDictionary headers, string name, string value) =>
        headers[name] = headers.TryGetValue(name, out var existing) ? StringValues.Concat(existing, value) : new StringValues(value);

    /// <summary>The length of the head up to and including its empty line, or -1.</summary>
    private static int HeadEnd(ReadOnlySpan<byte> buffer)
    {
        var from = 0;
        while (true)
        {
            var i = buffer[from..].IndexOf((byte)'\n');
            if (i < 0) return -1;
            var at = from + i + 1;
            if (at < buffer.Length && buffer[at] == '\n') return at + 1;
            if (at + 1 < buffer.Length && buffer[at] == '\r' && buffer[at + 1] == '\n') return at + 2;
            if (at + 1 >= buffer.Length) return -1;
            from = at;
        }
    }

    private static void ReadStatusLine(ReadOnlySpan<byte> line, ref Http1ResponseHead head, out bool keepAliveByDefault)
    {
        // "HTTP/1.1 200 OK": the version, three digits, an optional reason.
        if (line.Length < 12 || !line.StartsWith("HTTP/1."u8) || line[8] != ' ' || !char.IsAsciiDigit((char)line[9])
            || !char.IsAsciiDigit((char)line[10]) || !char.IsAsciiDigit((char)line[11]) || (line.Length > 12 && line[12] != ' '))
            throw new Http1ProtocolException("malformed upstream status line");
        keepAliveByDefault = line[7] == '1';
        head.Status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
        if (head.Status < 100) throw new Http1ProtocolException("malformed upstream status code");
        var reason = line.Length > 13 ? line[13..] : default;
        // The standard phrase is Kestrel's own; only a different one is kept.
        if (reason.Length > 0 && !System.Text.Ascii.Equals(reason, Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(head.Status)))
            head.Reason = Encoding.Latin1.GetString(reason);
    }

    private static bool EndsWithChunked(ReadOnlySpan<byte> value)
    {
        var comma = value.LastIndexOf((byte)',');
        var last = Trim(comma < 0 ? value : value[(comma + 1)..]);
        return System.Text.Ascii.EqualsIgnoreCase(last, "chunked"u8);
    }

    private static bool Has(ReadOnlySpan<byte> list, ReadOnlySpan<byte> token)
    {
        foreach (var range in list.Split((byte)','))
            if (System.Text.Ascii.EqualsIgnoreCase(Trim(list[range]), token)) return true;
        return false;
    }

    private static ReadOnlySpan<byte> TrimCr(ReadOnlySpan<byte> line) => line.Length > 0 && line[^1] == '\r' ? line[..^1] : line;

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> value) => value.Trim(" \t"u8);
}
