using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Meshc.Runtime.Tests.Support;

/// <summary>A response read off a raw socket: status code, headers (names lower-cased), body, and whether the server closed.</summary>
internal sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body, bool Closed)
{
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var v) ? v : null;
}

/// <summary>
/// Sends bytes no HTTP client would (bad framing, HTTP/1.0, fragments, absolute-form targets, hundreds of headers) on
/// a fresh loopback connection and reads one response. Every read is bounded by a deadline.
/// </summary>
internal static class RawHttp
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    public static async Task<RawResponse> Send(int port, string request) => await Send(port, Encoding.Latin1.GetBytes(request));

    public static async Task<RawResponse> Send(int port, byte[] request, TimeSpan? deadline = null)
    {
        using var client = new TcpClient { NoDelay = true };
        using var cts = new CancellationTokenSource(deadline ?? Deadline);
        await client.ConnectAsync(IPAddress.Loopback, port, cts.Token);
        var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(request, cts.Token);
        }
        catch (IOException)
        {
            // The server may answer and close before it has read everything (an oversized request): read the answer.
        }
        return await ReadResponse(stream, cts.Token);
    }

    /// <summary>Sends each request on one connection, the next once the previous answer has been read.</summary>
    public static async Task<IReadOnlyList<RawResponse>> Exchange(int port, params string[] requests)
    {
        using var client = new TcpClient { NoDelay = true };
        using var cts = new CancellationTokenSource(Deadline);
        await client.ConnectAsync(IPAddress.Loopback, port, cts.Token);
        var stream = client.GetStream();
        var responses = new List<RawResponse>();
        foreach (var request in requests)
        {
            await stream.WriteAsync(Encoding.Latin1.GetBytes(request), cts.Token);
            responses.Add(await ReadResponse(stream, cts.Token));
        }
        return responses;
    }

    private static async Task<RawResponse> ReadResponse(NetworkStream stream, CancellationToken cancel)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int headerEnd;
        while ((headerEnd = IndexOf(buffer, "\r\n\r\n"u8)) < 0)
        {
            var read = await ReadSome(stream, chunk, cancel);
            if (read == 0) throw new IOException("connection closed before a response head: " + Encoding.Latin1.GetString(buffer.ToArray()));
            buffer.Write(chunk, 0, read);
        }
        var head = Encoding.Latin1.GetString(buffer.GetBuffer(), 0, headerEnd).Split("\r\n");
        var status = int.Parse(head[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in head.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
        }
        var rest = new MemoryStream();
        rest.Write(buffer.GetBuffer(), headerEnd + 4, (int)buffer.Length - headerEnd - 4);
        var closed = false;
        if (headers.TryGetValue("content-length", out var lengthText))
        {
            var length = int.Parse(lengthText, System.Globalization.CultureInfo.InvariantCulture);
            while (rest.Length < length)
            {
                var read = await ReadSome(stream, chunk, cancel);
                if (read == 0) break;
                rest.Write(chunk, 0, read);
            }
        }
        else if (headers.GetValueOrDefault("transfer-encoding") == "chunked")
        {
            while (IndexOf(rest, "0\r\n\r\n"u8) < 0)
            {
                var read = await ReadSome(stream, chunk, cancel);
                if (read == 0) break;
                rest.Write(chunk, 0, read);
            }
        }
        var body = Encoding.Latin1.GetString(rest.ToArray());
        if (headers.GetValueOrDefault("transfer-encoding") == "chunked") body = Dechunk(body);
        // Whether the server closes: a closing server ends the stream right after the response.
        try
        {
            using var probe = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            probe.CancelAfter(headers.GetValueOrDefault("connection") == "close" ? TimeSpan.FromSeconds(5) : TimeSpan.FromMilliseconds(200));
            closed = await stream.ReadAsync(chunk, probe.Token) == 0;
        }
        catch (OperationCanceledException)
        {
            closed = false;
        }
        catch (IOException)
        {
            closed = true;
        }
        return new RawResponse(status, headers, body, closed);
    }

    private static async Task<int> ReadSome(NetworkStream stream, byte[] chunk, CancellationToken cancel)
    {
        try
        {
            return await stream.ReadAsync(chunk, cancel);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static string Dechunk(string chunked)
    {
        var body = new StringBuilder();
        var at = 0;
        while (at < chunked.Length)
        {
            var eol = chunked.IndexOf("\r\n", at, StringComparison.Ordinal);
            if (eol < 0) break;
            var size = Convert.ToInt32(chunked[at..eol].Split(';')[0], 16);
            if (size == 0) break;
            body.Append(chunked, eol + 2, size);
            at = eol + 2 + size + 2;
        }
        return body.ToString();
    }

    private static int IndexOf(MemoryStream stream, ReadOnlySpan<byte> needle) =>
        stream.GetBuffer().AsSpan(0, (int)stream.Length).IndexOf(needle);
}
