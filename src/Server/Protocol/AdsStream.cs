using System.Globalization;
using System.Threading.Channels;
using Envoy.Config.Core.V3;
using Grpc.Core;
using Meshc.Server.Resources;
using Meshc.Server.Snapshots;

namespace Meshc.Server.Protocol;

/// <summary>
/// One ADS stream, state of the world or incremental. Requests and new snapshots arrive on one queue and are handled
/// one at a time by one loop, which is also the only writer of responses (gRPC forbids concurrent writes), so a
/// stream's state needs no lock. The first request must name the node; its selector (<see cref="NodeSelection"/>)
/// decides which snapshot the stream watches.
/// </summary>
public abstract class AdsStream<TRequest, TResponse> : IStreamView where TRequest : class
{
    private readonly Channel<object> _events = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, TypeState> _types = new(StringComparer.Ordinal);
    private SnapshotCache.Watcher? _watch;
    private IServerStreamWriter<TResponse>? _writer;
    private long _nonce;

    protected AdsStream(StreamContext context, string peer)
    {
        Context = context;
        Id = context.Registry.NextId();
        Peer = peer;
    }

    protected StreamContext Context { get; }

    public long Id { get; }

    public string Peer { get; }

    public Node Node { get; private set; } = new();

    public string Selector { get; private set; } = "";

    public abstract string Protocol { get; }

    public DateTimeOffset ConnectedAt { get; } = DateTimeOffset.UtcNow;

    /// <summary>The snapshot the stream serves from now.</summary>
    protected NodeSnapshot Current { get; private set; } = null!;

    public string Snapshot => Current is null ? "" : $"{Current.BundleId[..Math.Min(12, Current.BundleId.Length)]} ({Current.Description})";

    /// <summary>The types asked for so far (a copy the admin API may read while the loop adds to it).</summary>
    public IReadOnlyList<TypeState> Types => Volatile.Read(ref _typeList);

    private TypeState[] _typeList = [];

    /// <summary>Types the client asked for, in the order <paramref name="order"/> gives, then any others.</summary>
    protected IEnumerable<TypeState> Requested(IReadOnlyList<string> order) =>
        order.Select(t => _types.GetValueOrDefault(t)).OfType<TypeState>()
            .Concat(_types.Values.Where(s => !order.Contains(s.TypeUrl)).OrderBy(s => s.TypeUrl, StringComparer.Ordinal))
            .Where(s => s.Requested);

    public async Task Run(IAsyncStreamReader<TRequest> requests, IServerStreamWriter<TResponse> responses, CancellationToken cancel)
    {
        _writer = responses;
        _ = Pump(requests, cancel);
        try
        {
            await foreach (var e in _events.Reader.ReadAllAsync(cancel))
            {
                if (e is NodeSnapshot snapshot)
                {
                    Current = snapshot;
                    await OnSnapshot();
                }
                else
                {
                    var request = (TRequest)e;
                    if (_watch is null) Start(NodeOf(request));
                    if (TypeUrlOf(request) is not { Length: > 0 } type)
                        throw new RpcException(new Status(StatusCode.InvalidArgument, "an ADS request must name its type_url"));
                    if (!_types.TryGetValue(type, out var state))
                    {
                        _types[type] = state = new TypeState(type);
                        Volatile.Write(ref _typeList, [.. _typeList, state]);
                    }
                    await OnRequest(request, state);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException and not RpcException and not IOException)
        {
            Context.Log($"ADS stream {Id} of node '{Node.Id}' failed: {e.GetType().Name}: {e.Message}");
            throw;
        }
        finally
        {
            _watch?.Dispose();
            Context.Registry.Remove(Id);
        }
    }

    private async Task Pump(IAsyncStreamReader<TRequest> requests, CancellationToken cancel)
    {
        try
        {
            while (await requests.MoveNext(cancel)) _events.Writer.TryWrite(requests.Current);
            _events.Writer.TryComplete();
        }
        catch (Exception e)
        {
            _events.Writer.TryComplete(e);
        }
    }

    private void Start(Node? node)
    {
        if (node is null) throw new RpcException(new Status(StatusCode.InvalidArgument, "the first request of a stream must carry the node"));
        Node = node;
        Selector = NodeSelection.SelectorOf(node);
        var (watch, snapshot) = Context.Cache.Watch(Selector, s => _events.Writer.TryWrite(s));
        _watch = watch;
        Current = snapshot;
        Context.Registry.Add(this);
    }

    protected abstract Node? NodeOf(TRequest request);

    protected abstract string TypeUrlOf(TRequest request);

    protected abstract Task OnRequest(TRequest request, TypeState state);

    /// <summary>The snapshot changed (<see cref="Current"/>): push what changed, in <see cref="ResourceTypes"/>' order.</summary>
    protected abstract Task OnSnapshot();

    protected string NextNonce() => (++_nonce).ToString(CultureInfo.InvariantCulture);

    protected Task Write(TResponse response, TypeState state)
    {
        state.Responses++;
        Context.Metrics.Count(Admin.XdsMetrics.Responses, ResourceTypes.ShortName(state.TypeUrl));
        return _writer!.WriteAsync(response);
    }

    /// <summary>Records an ACK (no error) or a NACK (error_detail set) of the response with <paramref name="nonce"/>.</summary>
    protected void Answered(TypeState state, string nonce, string ackedVersion, Google.Rpc.Status? error, string rejectedVersion)
    {
        var type = ResourceTypes.ShortName(state.TypeUrl);
        if (error is null)
        {
            state.AckedVersion = ackedVersion;
            state.Rejecting = false;
            Context.Metrics.Count(Admin.XdsMetrics.Acks, type);
            return;
        }
        state.Rejecting = true;
        state.LastNack = new NackRecord(nonce, rejectedVersion, state.AckedVersion ?? "", error.Code, error.Message, DateTimeOffset.UtcNow);
        Context.Metrics.Count(Admin.XdsMetrics.Nacks, type);
        Context.Log($"NACK from {Node.Id} ({Selector}) for {type} version {rejectedVersion}: {error.Message}");
    }
}
