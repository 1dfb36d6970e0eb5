using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using Meshc.Runtime.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Meshc.Runtime.Proxy;

/// <summary>How an attempt on the HTTP/1.1 client ended, before <see cref="ProxyHandler"/> turns it into an <see cref="AttemptOutcome"/>.</summary>
internal enum Http1Error
{
    None,
    Connect,
    Request,
    Response,

    /// <summary>The response head was over Envoy's codec limits.</summary>
    Protocol,

    /// <summary>The client's own request failed (its body broke, or it went away): no upstream's fault.</summary>
    Downstream,
}

internal readonly record struct Http1Result(Http1Error Error, int? UpstreamStatus = null, int? HeldBackStatus = null);

/// <summary>
/// One upstream attempt over HTTP/1.1 on a pooled connection: the request head written straight from the downstream
/// headers, the body streamed (or replayed from its buffer) while the answer is awaited, the response head read into
/// Kestrel's response and the body streamed back with Kestrel's flow control. A response the retry policy will retry is
/// held back (nothing reaches the client); the route's response header edits and the attempt count are applied as on
/// the YARP path. The connection goes back to the pool only when the exchange ended cleanly on both sides.
/// </summary>
internal static class Http1Forwarder
{
    /// <summary>
    /// Requests this client serves: all but upgrades, CONNECT and <c>Expect</c> (whose interim answer and tunnels the
    /// YARP path handles). A body streamed from the client goes up as it arrives, with the client's read as the
    /// backpressure: a piece is read only once the previous one was written to the upstream.
    /// </summary>
    public static bool Serves(HttpRequest request) =>
        !HttpMethods.IsConnect(request.Method) && !request.Headers.ContainsKey("upgrade") && !request.Headers.ContainsKey("expect");

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<Http1Result> SendAsync(HttpContext ctx, Http1Pool pool, TimeSpan connectTimeout, ForwardDecision decision,
        bool mayRetry, int attemptNumber, string fallbackHost, CancellationToken token)
    {
        var request = ctx.Request;
        var (framing, length) = Http1RequestHead.Framing(request, ctx.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? false);
        // A body read from memory (buffered for retries) can be sent again; one streaming from the client cannot.
        var replayable = framing == RequestBodyFraming.None || request.Body is MemoryStream;
        byte[] head;
        int headLength;
        try
        {
            (head, headLength) = Http1RequestHead.Write(request, decision.UpstreamPath, fallbackHost, framing, length);
        }
        catch (Http1ProtocolException)
        {
            return new Http1Result(Http1Error.Request);
        }
        try
        {
            var connection = pool.Rent();
            while (true)
            {
                if (connection is null)
                {
                    try
                    {
                        connection = await pool.Connect(connectTimeout, token);
                    }
                    catch (Http1ConnectException)
                    {
                        return new Http1Result(Http1Error.Connect);
                    }
                }
                var exchange = new Exchange(ctx, connection, decision, mayRetry, attemptNumber);
                var result = await exchange.Run(head.AsMemory(0, headLength), framing, length, token);
                if (result.Error == Http1Error.None && exchange.Reusable) pool.Return(connection);
                else connection.Dispose();
                // A kept-alive connection the upstream closed meanwhile fails before any answer: once more on a new one.
                if (result.Error == Http1Error.Request && connection.Reused && !exchange.AnswerStarted && replayable && !token.IsCancellationRequested)
                {
                    if (request.Body is MemoryStream body) body.Position = 0;
                    connection = null;
                    continue;
                }
                return result;
            }
        }
        catch (OperationCanceledException)
        {
            return new Http1Result(Http1Error.Request);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(head);
        }
    }

    /// <summary>One request and its response on one connection.</summary>
    private sealed class Exchange(HttpContext ctx, Http1Connection connection, ForwardDecision decision, bool mayRetry, int attemptNumber)
    {
        private Task _sending = Task.CompletedTask;
        private int? _status;
        private bool _clientBodyFailed;

        /// <summary>Whether any byte of the answer arrived (a failure after that is never a stale connection).</summary>
        public bool AnswerStarted { get; private set; }

        /// <summary>The request went out whole and the response was read to its end, with nothing after it.</summary>
        public bool Reusable { get; private set; }

        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
        public async ValueTask<Http1Result> Run(ReadOnlyMemory<byte> head, RequestBodyFraming framing, long length, CancellationToken token)
        {
            var stage = Http1Error.Request;
            try
            {
                if (framing == RequestBodyFraming.None || (framing == RequestBodyFraming.ContentLength && length == 0))
                {
                    await connection.Stream.WriteAsync(head, token);
                }
                else
                {
                    await connection.Stream.WriteAsync(head, token);
                    // The body goes up while the answer is awaited: an upstream may answer (and stop reading) early.
                    _sending = SendBody(framing, token);
                }
                var (kept, response) = await ReadHead(token);
                if (!kept)
                {
                    await Settle();
                    return new Http1Result(Http1Error.None, _status, _status);
                }
                stage = Http1Error.Response;
                var closes = await CopyBody(response, token) || response.Close;
                var sent = _sending.IsCompletedSuccessfully;
                if (!sent) await Settle();
                Reusable = sent && !closes && connection.Buffered == 0;
                return new Http1Result(Http1Error.None, _status);
            }
            catch (Http1HeadLimitException) when (stage == Http1Error.Request)
            {
                await Settle();
                return new Http1Result(Http1Error.Protocol);
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                await Settle();
                if (_clientBodyFailed && !AnswerStarted) return new Http1Result(Http1Error.Downstream);
                if (stage == Http1Error.Response)
                {
                    // Part of the answer may be with the client already: the only honest end is to reset it.
                    ctx.Abort();
                }
                return new Http1Result(stage, _status);
            }
        }

        /// <summary>Stops a body upload the answer overtook (closing the connection) and observes its end.</summary>
        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
        private async ValueTask Settle()
        {
            if (!_sending.IsCompleted) connection.Dispose();
            try
            {
                await _sending;
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException or BadHttpRequestException)
            {
                // The answer is what counts; the upload's failure is the client's or the closed connection's.
            }
        }

        /// <summary>Reads the final response head (interim 1xx ones are dropped); Kept is false when it is held back for a retry.</summary>
        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
        private async ValueTask<(bool Kept, Http1ResponseHead Head)> ReadHead(CancellationToken token)
        {
            var head = new Http1ResponseHead();
            while (true)
            {
                while (!HasHead())
                {
                    if (!await connection.FillAsync(token)) throw new Http1ProtocolException("upstream closed before the response head");
                    AnswerStarted = true;
                }
                // The status first: a held-back or interim response is read without touching the client's response.
                var status = StatusOf(connection.Buffer.AsSpan(connection.Start, connection.Buffered));
                if (status == 101) throw new Http1ProtocolException("upstream switched protocols unasked");
                var interim = status is >= 100 and < 200;
                var heldBack = !interim && mayRetry && decision.Retry!.RetriesStatus(status);
                var target = interim || heldBack ? null : ctx.Response.Headers;
                connection.Start += Http1ResponseHead.TryRead(connection.Buffer.AsSpan(connection.Start, connection.Buffered), ref head, target, connection.Values);
                if (interim) continue;
                _status = head.Status;
                if (heldBack) return (false, head);
                ctx.Response.StatusCode = head.Status;
                if (head.Reason is not null) ctx.Features.Get<IHttpResponseFeature>()!.ReasonPhrase = head.Reason;
                HeaderMutation.ApplyAll(decision.ResponseHeaders, ctx.Response.Headers);
                if (decision.AttemptCount.InResponse) ctx.Response.Headers["x-envoy-attempt-count"] = attemptNumber.ToString(CultureInfo.InvariantCulture);
                return (true, head);
            }
        }

        /// <summary>Whether the buffered bytes hold a whole head (up to its empty line); TryRead then parses it once.</summary>
        private bool HasHead()
        {
            var span = connection.Buffer.AsSpan(connection.Start, connection.Buffered);
            return span.IndexOf("\r\n\r\n"u8) >= 0 || span.IndexOf("\n\n"u8) >= 0;
        }

        private static int StatusOf(ReadOnlySpan<byte> head) =>
            head.Length >= 12 && char.IsAsciiDigit((char)head[9]) && char.IsAsciiDigit((char)head[10]) && char.IsAsciiDigit((char)head[11])
                ? (head[9] - '0') * 100 + (head[10] - '0') * 10 + (head[11] - '0')
                : 0;

        /// <summary>Streams the response body to the client: by length, by chunks, or until the upstream closes (then true: the connection is done).</summary>
        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
        private async ValueTask<bool> CopyBody(Http1ResponseHead head, CancellationToken token)
        {
            // HEAD, 204 and 304 have no body whatever their headers say (RFC 9112 §6.3).
            if (HttpMethods.IsHead(ctx.Request.Method) || head.Status is 204 or 304) return false;
            var writer = ctx.Response.BodyWriter;
            var closes = false;
            if (head.Chunked) await new Http1ChunkedReader(connection, writer, ctx.Response).Copy(token);
            else if (head.ContentLength >= 0) await CopyLength(writer, head.ContentLength, token);
            else
            {
                await CopyToEnd(writer, token);
                closes = true;
            }
            // Written but not flushed is not sent: once a body has been flushed in parts, Kestrel's end of response does
            // not send the rest on its own (a large answer stalled at its last piece without this).
            if ((await writer.FlushAsync(token)).IsCompleted) throw new OperationCanceledException("the client went away");
            return closes;
        }

        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
        private async ValueTask CopyLength(System.IO.Pipelines.PipeWriter writer, long remaining, CancellationToken token)
        {
            while (true)
            {
                var take = (int)Math.Min(remaining, connection.Buffered);
                remaining -= take;
                // The last piece is flushed by CopyBody, with the head when the answer is small: one write.
                if (remaining == 0)
                {
                    writer.Write(connection.Buffer.AsSpan(connection.Start, take));
                    connection.Start += take;
                    return;
                }
                if (take > 0 && (await writer.WriteAsync(connection.Buffer.AsMemory(connection.Start, take), token)).IsCompleted)
                    throw new OperationCanceledException("the client went away");
                connection.Start += take;
                if (!await connection.FillAsync(token)) throw new Http1ProtocolException("upstream closed inside the response body");
            }
        }

        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
        private async ValueTask CopyToEnd(System.IO.Pipelines.PipeWriter writer, CancellationToken token)
        {
            do
            {
                if (connection.Buffered > 0 && (await writer.WriteAsync(connection.Buffer.AsMemory(connection.Start, connection.Buffered), token)).IsCompleted)
                    throw new OperationCanceledException("the client went away");
                connection.Start = connection.End;
            }
            while (await connection.FillAsync(token));
        }

        private async Task SendBody(RequestBodyFraming framing, CancellationToken token)
        {
            var stream = connection.Stream;
            try
            {
                if (ctx.Request.Body is MemoryStream held && held.TryGetBuffer(out var all))
                {
                    var rest = all.AsMemory((int)held.Position);
                    held.Position = held.Length;
                    await WritePiece(stream, framing, rest, token);
                }
                else
                {
                    // Room before the data for a chunk's size line and after it for its CR LF: one write per piece. Kestrel's
                    // body reader hands over all that arrived meanwhile, so pieces grow while the upstream is slower.
                    const int prefix = 16;
                    var buffer = ArrayPool<byte>.Shared.Rent(prefix + BodyPiece + 2);
                    var reader = ctx.Request.BodyReader;
                    try
                    {
                        while (true)
                        {
                            var result = await ReadClient(reader, token);
                            var available = result.Buffer;
                            var read = (int)Math.Min(available.Length, BodyPiece);
                            available.Slice(0, read).CopyTo(buffer.AsSpan(prefix));
                            reader.AdvanceTo(available.GetPosition(read));
                            if (read > 0)
                            {
                                var digits = framing == RequestBodyFraming.Chunked ? FrameChunk(buffer, prefix, read) : 0;
                                await stream.WriteAsync(buffer.AsMemory(prefix - digits, digits + read + (digits > 0 ? 2 : 0)), token);
                            }
                            else if (result.IsCompleted) break;
                            if (result.IsCanceled) throw new OperationCanceledException("the request body read was cancelled");
                        }
                    }
                    finally
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                    }
                }
                if (framing == RequestBodyFraming.Chunked) await stream.WriteAsync(LastChunk, token);
            }
            catch (Exception)
            {
                // The answer being read must not wait for an upload that broke (the client went away, or the upstream).
                _clientBodyFailed |= ctx.RequestAborted.IsCancellationRequested;
                connection.Dispose();
                throw;
            }
        }

        /// <summary>
        /// The next piece of the client's body. Whatever fails here is the client's (Kestrel refuses its framing with a
        /// <see cref="BadHttpRequestException"/>, a chunk size past 64 bits with an <see cref="IOException"/>, a
        /// disconnect with a reset) — except the route's own timeout, which cancels the read too.
        /// </summary>
        private async ValueTask<System.IO.Pipelines.ReadResult> ReadClient(System.IO.Pipelines.PipeReader reader, CancellationToken token)
        {
            try
            {
                return await reader.ReadAsync(token);
            }
            catch (Exception e) when (e is not OperationCanceledException || ctx.RequestAborted.IsCancellationRequested)
            {
                _clientBodyFailed = true;
                throw;
            }
        }

        /// <summary>Writes the size line before <c>buffer[prefix..prefix+read]</c> and CR LF after it; returns the size line's length.</summary>
        private static int FrameChunk(byte[] buffer, int prefix, int read)
        {
            Span<byte> size = stackalloc byte[prefix];
            read.TryFormat(size, out var digits, "x", CultureInfo.InvariantCulture);
            size[digits++] = (byte)'\r';
            size[digits++] = (byte)'\n';
            size[..digits].CopyTo(buffer.AsSpan(prefix - digits));
            buffer[prefix + read] = (byte)'\r';
            buffer[prefix + read + 1] = (byte)'\n';
            return digits;
        }

        private static async ValueTask WritePiece(Stream stream, RequestBodyFraming framing, ReadOnlyMemory<byte> piece, CancellationToken token)
        {
            if (piece.Length == 0) return;
            if (framing == RequestBodyFraming.Chunked) await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(piece.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"), token);
            await stream.WriteAsync(piece, token);
            if (framing == RequestBodyFraming.Chunked) await stream.WriteAsync(Crlf, token);
        }

        private const int BodyPiece = 64 * 1024;
        private static readonly byte[] Crlf = "\r\n"u8.ToArray();
        private static readonly byte[] LastChunk = "0\r\n\r\n"u8.ToArray();
    }
}
