using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace Meshc.Runtime.Proxy;

/// <summary>How the upstream request carries its body.</summary>
internal enum RequestBodyFraming { None, ContentLength, Chunked }

/// <summary>
/// Writes the upstream request line and headers straight into bytes: the downstream headers as they are (Host kept,
/// hop-by-hop ones dropped, each value of a repeated header on its own line, as Envoy's codec writes the entries of its
/// header map; cookies joined into one line with "; "), then the body framing.
/// </summary>
internal static class Http1RequestHead
{
    /// <summary>How the downstream request's body goes upstream, and its length when it has one.</summary>
    public static (RequestBodyFraming Framing, long Length) Framing(HttpRequest request, bool canHaveBody)
    {
        if (request.ContentLength is { } length) return (RequestBodyFraming.ContentLength, length);
        // HTTP/1.1 chunked, or an HTTP/2 request with a body and no length: the length is not known in advance.
        return canHaveBody ? (RequestBodyFraming.Chunked, -1) : (RequestBodyFraming.None, 0);
    }

    /// <summary>The head in a buffer rented from the shared pool (the caller returns it) and its length.</summary>
    public static (byte[] Buffer, int Length) Write(HttpRequest request, string target, string fallbackHost, RequestBodyFraming framing, long length)
    {
        var writer = new HeadWriter(ArrayPool<byte>.Shared.Rent(4096));
        writer.Ascii(request.Method);
        writer.Byte((byte)' ');
        writer.Ascii(target);
        writer.Raw(" HTTP/1.1\r\nHost: "u8);
        var host = request.Headers.Host;
        writer.Ascii(host.Count > 0 && !string.IsNullOrEmpty(host[0]) ? host[0]! : fallbackHost);
        writer.Crlf();
        foreach (var (name, values) in request.Headers)
        {
            if (name.Length == 0 || name[0] == ':' || Skipped(name, values)) continue;
            if (name.Equals("cookie", StringComparison.OrdinalIgnoreCase))
            {
                // One Cookie line, the pairs joined with "; " (RFC 6265 §5.4), as Envoy joins cookies.
                writer.Ascii(name);
                writer.Raw(": "u8);
                for (var i = 0; i < values.Count; i++)
                {
                    if (i > 0) writer.Raw("; "u8);
                    writer.Ascii(values[i] ?? "");
                }
                writer.Crlf();
                continue;
            }
            // An appended value (APPEND_IF_EXISTS_OR_ADD) is a second entry, so the backend sees "a" and "b", not "a, b".
            for (var i = 0; i < values.Count; i++)
            {
                writer.Ascii(name);
                writer.Raw(": "u8);
                writer.Ascii(values[i] ?? "");
                writer.Crlf();
            }
        }
        if (framing == RequestBodyFraming.ContentLength)
        {
            writer.Raw("Content-Length: "u8);
            writer.Number(length);
            writer.Crlf();
        }
        else if (framing == RequestBodyFraming.Chunked)
        {
            writer.Raw("Transfer-Encoding: chunked\r\n"u8);
        }
        writer.Crlf();
        return (writer.Buffer, writer.Length);
    }

    private static bool Skipped(string name, Microsoft.Extensions.Primitives.StringValues values)
    {
        if (name.Equals("host", StringComparison.OrdinalIgnoreCase) || name.Equals("content-length", StringComparison.OrdinalIgnoreCase)) return true;
        if (name.Equals("te", StringComparison.OrdinalIgnoreCase)) return !(values.Count == 1 && string.Equals(values[0], "trailers", StringComparison.OrdinalIgnoreCase));
        return HopByHop.Contains(name);
    }

    /// <summary>Appends ASCII (Latin-1) text to a pooled buffer, growing it; a CR, LF or NUL in a value refuses the request.</summary>
    private struct HeadWriter(byte[] buffer)
    {
        public byte[] Buffer = buffer;
        public int Length;

        public void Byte(byte b)
        {
            if (Length == Buffer.Length) Grow(1);
            Buffer[Length++] = b;
        }

        public void Crlf()
        {
            if (Length + 2 > Buffer.Length) Grow(2);
            Buffer[Length++] = (byte)'\r';
            Buffer[Length++] = (byte)'\n';
        }

        public void Raw(ReadOnlySpan<byte> bytes)
        {
            if (Length + bytes.Length > Buffer.Length) Grow(bytes.Length);
            bytes.CopyTo(Buffer.AsSpan(Length));
            Length += bytes.Length;
        }

        public void Ascii(string text)
        {
            if (Length + text.Length > Buffer.Length) Grow(text.Length);
            var span = Buffer.AsSpan(Length, text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c is '\r' or '\n' or '\0') throw new Http1ProtocolException("a request header holds a line break");
                span[i] = c <= 0xFF ? (byte)c : (byte)'?';
            }
            Length += text.Length;
        }

        public void Number(long value)
        {
            if (Length + 20 > Buffer.Length) Grow(20);
            value.TryFormat(Buffer.AsSpan(Length), out var written, provider: System.Globalization.CultureInfo.InvariantCulture);
            Length += written;
        }

        private void Grow(int more)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(Buffer.Length * 2, Length + more));
            Buffer.AsSpan(0, Length).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(Buffer);
            Buffer = bigger;
        }
    }
}
