using Envoy.Config.Cluster.V3;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Meshc.Runtime.Xds;

/// <summary>
/// What a meshc proxy has accepted over ADS: per type, the resources by name and the version they came with. Immutable;
/// a response makes a new one. It knows which route configurations and load assignments its listeners and clusters
/// need, and whether it has them all (only then is a snapshot built: never a listener without its routes).
/// </summary>
public sealed class XdsResources
{
    private readonly IReadOnlyDictionary<string, TypeResources> _types;

    private XdsResources(IReadOnlyDictionary<string, TypeResources> types) => _types = types;

    /// <summary>The resources of one type, by name, and the version of the response they came in.</summary>
    public sealed record TypeResources(string Version, IReadOnlyDictionary<string, (Any Body, IMessage Message)> Resources);

    public static readonly XdsResources Empty = new(new Dictionary<string, TypeResources>());

    public TypeResources? Of(string typeUrl) => _types.GetValueOrDefault(typeUrl);

    /// <summary>
    /// With one response applied: a full-state type is replaced; for routes and endpoints, the names in the response
    /// replace those names, and names no longer asked for are dropped.
    /// </summary>
    public XdsResources With(string typeUrl, string version, IReadOnlyDictionary<string, (Any Body, IMessage Message)> received)
    {
        var types = new Dictionary<string, TypeResources>(_types);
        if (XdsTypes.IsFullState(typeUrl))
        {
            types[typeUrl] = new TypeResources(version, received);
        }
        else
        {
            var wanted = typeUrl == XdsTypes.Route ? RouteNames() : EndpointNames();
            var merged = (Of(typeUrl)?.Resources ?? new Dictionary<string, (Any, IMessage)>())
                .Where(kv => wanted.Contains(kv.Key) && !received.ContainsKey(kv.Key))
                .Concat(received)
                .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
            types[typeUrl] = new TypeResources(version, merged);
        }
        return new XdsResources(types);
    }

    /// <summary>The route configurations the listeners read over RDS.</summary>
    public IReadOnlySet<string> RouteNames() =>
        (Of(XdsTypes.Listener)?.Resources.Values ?? []).Select(r => (Listener)r.Message)
            .SelectMany(l => l.FilterChains.SelectMany(c => c.Filters))
            .Where(f => f.TypedConfig is not null && f.TypedConfig.Is(HttpConnectionManager.Descriptor))
            .Select(f => f.TypedConfig.Unpack<HttpConnectionManager>())
            .Where(h => h.RouteSpecifierCase == HttpConnectionManager.RouteSpecifierOneofCase.Rds)
            .Select(h => h.Rds.RouteConfigName)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The load assignments the EDS clusters read.</summary>
    public IReadOnlySet<string> EndpointNames() =>
        (Of(XdsTypes.Cluster)?.Resources.Values ?? []).Select(r => (Cluster)r.Message)
            .Where(c => c.ClusterDiscoveryTypeCase == Cluster.ClusterDiscoveryTypeOneofCase.Type && c.Type == Cluster.Types.DiscoveryType.Eds)
            .Select(c => c.EdsClusterConfig?.ServiceName is { Length: > 0 } s ? s : c.Name)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>True once every wildcard type has arrived and every route configuration and load assignment in use is here.</summary>
    public bool Complete =>
        XdsTypes.Wildcard.All(t => Of(t) is not null)
        && RouteNames().All(n => Of(XdsTypes.Route)?.Resources.ContainsKey(n) == true)
        && EndpointNames().All(n => Of(XdsTypes.Endpoints)?.Resources.ContainsKey(n) == true);

    /// <summary>A content hash over every resource held: equal hashes, same configuration.</summary>
    public string ContentHash()
    {
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var type in XdsTypes.All)
            foreach (var (name, (body, _)) in (Of(type)?.Resources ?? new Dictionary<string, (Any, IMessage)>()).OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{type}\0{name}\0"));
                sha.AppendData(body.Value.Span);
            }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
