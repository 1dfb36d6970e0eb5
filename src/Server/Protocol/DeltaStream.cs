using Envoy.Config.Core.V3;
using Envoy.Service.Discovery.V3;
using Meshc.Server.Admin;
using Meshc.Server.Resources;
using Meshc.Server.Snapshots;

namespace Meshc.Server.Protocol;

/// <summary>
/// An incremental ADS stream (<c>DeltaAggregatedResources</c>). The server keeps, per type, the version of each
/// resource the client has (seeded from <c>initial_resource_versions</c> on a reconnect) and sends only what differs:
/// new and changed resources, and in <c>removed_resources</c> the ones deleted, no longer in scope, or subscribed by
/// a name that does not exist. Several responses may be unacknowledged at once; each ACK or NACK names its nonce.
/// </summary>
public sealed class DeltaStream(StreamContext context, string peer) : AdsStream<DeltaDiscoveryRequest, DeltaDiscoveryResponse>(context, peer)
{
    private const int MaxPending = 16;

    public override string Protocol => "delta";

    protected override Node? NodeOf(DeltaDiscoveryRequest request) => request.Node;

    protected override string TypeUrlOf(DeltaDiscoveryRequest request) => request.TypeUrl;

    protected override async Task OnRequest(DeltaDiscoveryRequest request, TypeState state)
    {
        state.Known ??= new Dictionary<string, string>(StringComparer.Ordinal);
        state.Pending ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.ResponseNonce.Length > 0)
        {
            if (state.Pending.Remove(request.ResponseNonce, out var version))
                Answered(state, request.ResponseNonce, version, request.ErrorDetail, version);
            else
                Context.Metrics.Count(XdsMetrics.Stale, ResourceTypes.ShortName(state.TypeUrl));
        }
        var first = !state.Requested;
        state.Requested = true;
        if (first)
            foreach (var (name, version) in request.InitialResourceVersions) state.Known[name] = version;
        var (_, changed) = state.Subscription.Change(request.ResourceNamesSubscribe, request.ResourceNamesUnsubscribe, first);
        // An unsubscribed resource is forgotten, so subscribing again sends it again.
        foreach (var name in request.ResourceNamesUnsubscribe)
            if (!InScope(state, name)) state.Known.Remove(name);
        if (first || changed) await Push(state, updates: true, removals: true, always: first);
    }

    protected override async Task OnSnapshot()
    {
        foreach (var state in Requested(ResourceTypes.AddOrder)) await Push(state, updates: true, removals: false, always: false);
        foreach (var state in Requested(ResourceTypes.RemoveOrder)) await Push(state, updates: false, removals: true, always: false);
    }

    private bool InScope(TypeState state, string name)
    {
        var view = Current.Of(state.TypeUrl);
        return state.Subscription.Contains(name)
               || (state.Subscription.Wildcard && view.Visible.ContainsKey(name) && IsWildcard(state.TypeUrl, name));
    }

    private bool IsWildcard(string typeUrl, string name) =>
        typeUrl != ResourceTypes.Listener || Current.Of(typeUrl).Wildcard.Any(r => r.Name == name);

    private async Task Push(TypeState state, bool updates, bool removals, bool always)
    {
        var view = Current.Of(state.TypeUrl);
        var known = state.Known!;
        var scope = new SortedDictionary<string, XdsResource?>(StringComparer.Ordinal);
        if (state.Subscription.Wildcard)
            foreach (var r in view.Wildcard) scope[r.Name] = r;
        foreach (var name in state.Subscription.Names) scope[name] = view.Visible.GetValueOrDefault(name);

        var response = new DeltaDiscoveryResponse { TypeUrl = state.TypeUrl };
        if (updates)
        {
            foreach (var (name, resource) in scope)
            {
                if (resource is null || known.GetValueOrDefault(name) == resource.Version) continue;
                response.Resources.Add(new Resource { Name = name, Version = resource.Version, Resource_ = resource.Body });
                known[name] = resource.Version;
            }
        }
        if (removals)
        {
            // Gone or out of scope: removed. Subscribed by name but absent: told once that it does not exist.
            foreach (var name in known.Keys.ToList())
            {
                if (scope.GetValueOrDefault(name) is not null || known[name].Length == 0) continue;
                response.RemovedResources.Add(name);
                if (state.Subscription.Contains(name)) known[name] = ""; else known.Remove(name);
            }
            foreach (var (name, resource) in scope)
            {
                if (resource is not null || known.ContainsKey(name)) continue;
                response.RemovedResources.Add(name);
                known[name] = "";
            }
        }
        if (!always && response.Resources.Count == 0 && response.RemovedResources.Count == 0) return;
        response.SystemVersionInfo = ContentVersion.Of(scope.Values.OfType<XdsResource>());
        response.Nonce = NextNonce();
        state.SentVersion = response.SystemVersionInfo;
        state.Nonce = response.Nonce;
        var pending = state.Pending!;
        if (pending.Count >= MaxPending) pending.Remove(pending.Keys.First());
        pending[response.Nonce] = response.SystemVersionInfo;
        await Write(response, state);
    }
}
