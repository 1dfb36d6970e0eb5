using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Meshc.Runtime.Tests.Support;

/// <summary>
/// A loopback HTTP/1.1 upstream that answers with bytes a test writes itself (framings, interim responses, early
/// closes a real server would not produce). Each accepted connection runs <c>serve</c>, which reads requests with
/// <see cref="ReadRequest"/> and writes raw answers; the connections and request heads are counted.
/// </summary>
internal sealed class ScriptedBackend : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<Connection, Task> _serve;
    private readonly List<Task> _running = [];
    private readonly Task _accepting;

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    private int _connections;

    /// <summary>Connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    public ConcurrentQueue<string> Heads { get; } = new();

    private ScriptedBackend(Func<Connection, Task> serve)
    {
        _serve = serve;
        _listener.Start();
        _accepting = Accept();
    }

    public static ScriptedBackend Start(Func<Connection, Task> serve) => new(serve);

    /// <summary>A backend that reads each request on a connection and answers it with <paramref name="answer"/>(request number, head) until the client closes.</summary>
    public static ScriptedBackend Answering(Func<int, string, string> answer) => new(async c =>
    {
        var n = 0;
        while (await c.ReadRequest() is { } head) await c.Write(answer(n++, head));
    });

    private async Task Accept()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            Interlocked.Increment(ref _connections);
            var connection = new Connection(this, socket);
            lock (_running) _running.Add(Task.Run(async () =>
            {
                try
                {
                    await _serve(connection);
                }
                catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
                {
                }
                finally
                {
                    connection.Dispose();
                }
            }));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        Task[] running;
        lock (_running) running = [.. _running];
        await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { });
        _stop.Dispose();
    }

    internal sealed class Connection(ScriptedBackend backend, Socket socket) : IDisposable
    {
        private readonly NetworkStream _stream = new(socket);
        private byte[] _pending = [];

        public void Dispose()
        {
            _stream.Dispose();
            socket.Dispose();
        }

        public Socket Socket => socket;

        /// <summary>The next request head (and its body read per Content-Length or chunks, into <see cref="Body"/>); null when the client closed.</summary>
        public async Task<string?> ReadRequest(bool readBody = true)
        {
            var head = await ReadUntil("\r\n\r\n"u8.ToArray());
            if (head is null) return null;
            var text = Encoding.Latin1.GetString(head);
            backend.Heads.Enqueue(text);
            Body = [];
            if (!readBody) return text;
            var length = HeaderValue(text, "content-length");
            if (length is not null) Body = await ReadExactly(int.Parse(length, System.Globalization.CultureInfo.InvariantCulture));
            else if (HeaderValue(text, "transfer-encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true) Body = await ReadChunks();
            return text;
        }

        public byte[] Body { get; private set; } = [];

        public Task Write(string text) => Write(Encoding.Latin1.GetBytes(text));

        public async Task Write(byte[] bytes) => await _stream.WriteAsync(bytes, backend._stop.Token);

        public static string? HeaderValue(string head, string name)
        {
            foreach (var line in head.Split("\r\n").Skip(1))
            {
                var colon = line.IndexOf(':');
                if (colon > 0 && line[..colon].Trim().Equals(name, StringComparison.OrdinalIgnoreCase)) return line[(colon + 1)..].Trim();
            }
            return null;
        }

        private async Task<byte[]> ReadChunks()
        {
            using var body = new MemoryStream();
            while (true)
            {
                var line = Encoding.ASCII.GetString(await ReadUntil("\r\n"u8.ToArray()) ?? throw new IOException("closed in chunks")).Trim();
                var size = Convert.ToInt32(line.Split(';')[0], 16);
                if (size == 0)
                {
                    while ((await ReadUntil("\r\n"u8.ToArray()))?.Length > 2) { }
                    return body.ToArray();
                }
                body.Write(await ReadExactly(size));
                await ReadExactly(2);
            }
        }

        /// <summary>Reads and drops up to <paramref name="count"/> bytes (fewer when the client closes first); returns how many it read.</summary>
        public async Task<long> Discard(long count)
        {
            var have = (int)Math.Min(count, _pending.Length);
            _pending = _pending[have..];
            long read = have;
            var buffer = new byte[64 * 1024];
            while (read < count)
            {
                var n = await _stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, count - read)), backend._stop.Token);
                if (n == 0) break;
                read += n;
            }
            return read;
        }

        private async Task<byte[]> ReadExactly(int count)
        {
            var result = new byte[count];
            var have = Math.Min(count, _pending.Length);
            _pending.AsSpan(0, have).CopyTo(result);
            _pending = _pending[have..];
            if (have < count) await _stream.ReadExactlyAsync(result.AsMemory(have), backend._stop.Token);
            return result;
        }

        private async Task<byte[]?> ReadUntil(byte[] end)
        {
            var buffer = new byte[8192];
            while (true)
            {
                var at = _pending.AsSpan().IndexOf(end);
                if (at >= 0)
                {
                    var found = _pending[..(at + end.Length)];
                    _pending = _pending[(at + end.Length)..];
                    return found;
                }
                var read = await _stream.ReadAsync(buffer, backend._stop.Token);
                if (read == 0) return null;
                _pending = [.. _pending, .. buffer.AsSpan(0, read)];
            }
        }
    }
}
