using Envoy.Service.Discovery.V3;
using Grpc.Core;

namespace Meshc.Server.Protocol;

/// <summary>Envoy's Aggregated Discovery Service: every resource type on one stream, state of the world or incremental.</summary>
public sealed class AdsService(StreamContext streams) : AggregatedDiscoveryService.AggregatedDiscoveryServiceBase
{
    public override Task StreamAggregatedResources(IAsyncStreamReader<DiscoveryRequest> requestStream,
        IServerStreamWriter<DiscoveryResponse> responseStream, ServerCallContext context) =>
        new SotwStream(streams, context.Peer).Run(requestStream, responseStream, context.CancellationToken);

    public override Task DeltaAggregatedResources(IAsyncStreamReader<DeltaDiscoveryRequest> requestStream,
        IServerStreamWriter<DeltaDiscoveryResponse> responseStream, ServerCallContext context) =>
        new DeltaStream(streams, context.Peer).Run(requestStream, responseStream, context.CancellationToken);
}
