using Envoy.Config.Core.V3;
using Envoy.Service.Discovery.V3;
using Meshc.Server.Admin;
using Meshc.Server.Resources;
using Meshc.Server.Snapshots;

namespace Meshc.Server.Protocol;

/// <summary>
/// A state-of-the-world ADS stream (<c>StreamAggregatedResources</c>). Each response carries every resource of its
/// type the client subscribed to, with a version that hashes them and a fresh nonce. A request naming an older nonce
/// is stale and ignored; one naming the last nonce is an ACK, or a NACK when it carries error_detail. The server
/// answers the first request of a type and any change of its names; otherwise it only pushes when the node's snapshot
/// changes, and only the types whose resources changed.
/// </summary>
public sealed class SotwStream(StreamContext context, string peer) : AdsStream<DiscoveryRequest, DiscoveryResponse>(context, peer)
{
    public override string Protocol => "sotw";

    protected override Node? NodeOf(DiscoveryRequest request) => request.Node;

    protected override string TypeUrlOf(DiscoveryRequest request) => request.TypeUrl;

    protected override async Task OnRequest(DiscoveryRequest request, TypeState state)
    {
        if (request.ResponseNonce.Length > 0)
        {
            if (request.ResponseNonce != state.Nonce)
            {
                Context.Metrics.Count(XdsMetrics.Stale, ResourceTypes.ShortName(state.TypeUrl));
                return;
            }
            Answered(state, request.ResponseNonce, request.VersionInfo, request.ErrorDetail, state.SentVersion ?? "");
        }
        var first = !state.Requested;
        state.Requested = true;
        var namesChanged = state.Subscription.Replace(request.ResourceNames, first);
        if (first || namesChanged) await Respond(state, Content(state), force: true);
    }

    protected override async Task OnSnapshot()
    {
        // Additions and updates first, in dependency order; a full-state type keeps what it drops until the others
        // have moved on, and the removals follow in the reverse order.
        var removals = new List<TypeState>();
        foreach (var state in Requested(ResourceTypes.AddOrder))
        {
            var content = Content(state);
            if (ResourceTypes.IsFullState(state.TypeUrl))
            {
                var names = content.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
                var dropped = state.Sent.Where(r => !names.Contains(r.Name)).ToList();
                if (dropped.Count > 0)
                {
                    removals.Add(state);
                    content = [.. content.Concat(dropped).OrderBy(r => r.Name, StringComparer.Ordinal)];
                }
            }
            await Respond(state, content, force: false);
        }
        foreach (var type in ResourceTypes.RemoveOrder)
            foreach (var state in removals.Where(s => s.TypeUrl == type))
                await Respond(state, Content(state), force: false);
    }

    /// <summary>What the subscription gets of the current snapshot, in name order.</summary>
    private IReadOnlyList<XdsResource> Content(TypeState state)
    {
        var view = Current.Of(state.TypeUrl);
        var subscription = state.Subscription;
        if (subscription.Names.Count == 0) return subscription.Wildcard ? view.Wildcard : [];
        var chosen = new SortedDictionary<string, XdsResource>(StringComparer.Ordinal);
        if (subscription.Wildcard)
            foreach (var r in view.Wildcard) chosen[r.Name] = r;
        foreach (var name in subscription.Names)
            if (view.Visible.TryGetValue(name, out var r)) chosen[name] = r;
        return [.. chosen.Values];
    }

    private async Task Respond(TypeState state, IReadOnlyList<XdsResource> content, bool force)
    {
        var view = Current.Of(state.TypeUrl);
        var version = ReferenceEquals(content, view.Wildcard) ? view.WildcardVersion : ContentVersion.Of(content);
        if (!force && version == state.SentVersion) return;
        var response = new DiscoveryResponse { VersionInfo = version, TypeUrl = state.TypeUrl, Nonce = NextNonce() };
        foreach (var r in content) response.Resources.Add(r.Body);
        state.Sent = content;
        state.SentVersion = version;
        state.Nonce = response.Nonce;
        await Write(response, state);
    }
}
