using System.Threading.Channels;
using Envoy.Config.Core.V3;
using Envoy.Service.Discovery.V3;
using Grpc.Core;
using Grpc.Net.Client;

namespace Meshc.Server.Tests.Support;

/// <summary>A raw ADS stream for protocol tests: the test sends each request itself and reads each response.</summary>
public sealed class AdsTestClient<TRequest, TResponse> : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private readonly GrpcChannel _channel;
    private readonly AsyncDuplexStreamingCall<TRequest, TResponse> _call;
    private readonly Channel<TResponse> _responses = Channel.CreateUnbounded<TResponse>();
    private readonly Task _reader;

    private AdsTestClient(GrpcChannel channel, AsyncDuplexStreamingCall<TRequest, TResponse> call)
    {
        _channel = channel;
        _call = call;
        _reader = Task.Run(async () =>
        {
            try
            {
                await foreach (var r in call.ResponseStream.ReadAllAsync()) _responses.Writer.TryWrite(r);
                _responses.Writer.TryComplete();
            }
            catch (Exception e)
            {
                _responses.Writer.TryComplete(e);
            }
        });
    }

    public static Node Node(string cluster, string id = "test-node") => new() { Id = id, Cluster = cluster };

    public Task Send(TRequest request) => _call.RequestStream.WriteAsync(request);

    /// <summary>The next response (bounded wait).</summary>
    public async Task<TResponse> Next()
    {
        using var timeout = new CancellationTokenSource(Wait);
        return await _responses.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>True when no response arrives within <paramref name="quiet"/> (for "nothing is pushed").</summary>
    public async Task<bool> Silent(TimeSpan quiet)
    {
        using var timeout = new CancellationTokenSource(quiet);
        try
        {
            await _responses.Reader.WaitToReadAsync(timeout.Token);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _call.RequestStream.CompleteAsync();
        _call.Dispose();
        await Task.WhenAny(_reader, Task.Delay(2000));
        _channel.Dispose();
    }

    public static AdsTestClient<DiscoveryRequest, DiscoveryResponse> Sotw(string address)
    {
        var channel = GrpcChannel.ForAddress(address);
        return new(channel, new AggregatedDiscoveryService.AggregatedDiscoveryServiceClient(channel).StreamAggregatedResources());
    }

    public static AdsTestClient<DeltaDiscoveryRequest, DeltaDiscoveryResponse> Delta(string address)
    {
        var channel = GrpcChannel.ForAddress(address);
        return new(channel, new AggregatedDiscoveryService.AggregatedDiscoveryServiceClient(channel).DeltaAggregatedResources());
    }
}
