using Envoy.Service.Discovery.V3;
using Grpc.Core;

namespace Meshc.Server.Protocol;

/// <summary>Envoy's Aggregated Discovery Service: every resource type on one stream, state of the world or incremental.</summary>
public sealed class AdsService(StreamContext context) : AggregatedDiscoveryService.AggregatedDiscoveryServiceBase
{
    public override Task StreamAggregatedResources(IAsyncStreamReader<DiscoveryRequest> requestStream,
        IServerStreamWriter<DiscoveryResponse> responseStream, ServerCallContext call) =>
        new SotwStream(context, call.Peer).Run(requestStream, responseStream, call.CancellationToken);

    public override Task DeltaAggregatedResources(IAsyncStreamReader<DeltaDiscoveryRequest> requestStream,
        IServerStreamWriter<DeltaDiscoveryResponse> responseStream, ServerCallContext call) =>
        new DeltaStream(context, call.Peer).Run(requestStream, responseStream, call.CancellationToken);
}
