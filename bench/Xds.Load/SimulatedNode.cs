using System.Diagnostics;
using Envoy.Config.Core.V3;
using Envoy.Service.Discovery.V3;
using Grpc.Core;
using Meshc.EnvoyApi;

namespace Meshc.Xds.Load;

/// <summary>
/// One simulated proxy: an ADS stream (state of the world) that subscribes as Envoy does (clusters and listeners as
/// wildcards, its Gateway's route configuration by name, the load assignments its clusters name) and ACKs every
/// response at once. It records when each route configuration version arrived.
/// </summary>
public sealed class SimulatedNode(int id, string selector, string route)
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource<long> _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _routeVersion;

    public Task Ready => _ready.Task;

    /// <summary>Completes with the Stopwatch timestamp at which a route version other than the current one was ACKed.</summary>
    public Task<long> Changed => _changed.Task;

    public int Responses { get; private set; }

    public void ExpectChange() => _changed = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task Run(AggregatedDiscoveryService.AggregatedDiscoveryServiceClient client, CancellationToken stop)
    {
        try
        {
            using var call = client.StreamAggregatedResources(cancellationToken: stop);
            var node = new Node { Id = $"bench-{id}", Cluster = selector };
            await call.RequestStream.WriteAsync(new DiscoveryRequest { Node = node, TypeUrl = EnvoyTypeUrls.Cluster }, stop);
            await call.RequestStream.WriteAsync(new DiscoveryRequest { TypeUrl = EnvoyTypeUrls.Listener }, stop);
            await call.RequestStream.WriteAsync(new DiscoveryRequest { TypeUrl = EnvoyTypeUrls.RouteConfiguration, ResourceNames = { route } }, stop);
            var seen = new HashSet<string>();
            await foreach (var response in call.ResponseStream.ReadAllAsync(stop))
            {
                Responses++;
                var ack = new DiscoveryRequest { TypeUrl = response.TypeUrl, VersionInfo = response.VersionInfo, ResponseNonce = response.Nonce };
                if (response.TypeUrl == EnvoyTypeUrls.RouteConfiguration) ack.ResourceNames.Add(route);
                await call.RequestStream.WriteAsync(ack, stop);
                if (response.TypeUrl == EnvoyTypeUrls.RouteConfiguration)
                {
                    if (_routeVersion is not null && _routeVersion != response.VersionInfo) _changed.TrySetResult(Stopwatch.GetTimestamp());
                    _routeVersion = response.VersionInfo;
                }
                seen.Add(response.TypeUrl);
                if (seen.Count == 3) _ready.TrySetResult();
            }
        }
        catch (Exception e) when (stop.IsCancellationRequested || e is RpcException)
        {
            _ready.TrySetException(e);
        }
    }
}
