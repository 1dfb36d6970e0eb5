using System.Collections.Concurrent;
using Meshc.Runtime.Model;

namespace Meshc.Runtime.Proxy;

/// <summary>
/// The <see cref="Http1Pool"/> of each upstream host, per TLS connector (a plaintext host has one pool whatever cluster
/// names it; a TLS cluster's connections are its own, with its SNI and CA bundle). A timer closes idle connections.
/// </summary>
internal sealed class Http1Pools : IDisposable
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<EndpointModel, Http1Pool> _plain = new();
    private readonly ConcurrentDictionary<(UpstreamTlsConnector, EndpointModel), Http1Pool> _tls = new();
    private readonly Timer _sweeper;

    public Http1Pools() => _sweeper = new Timer(_ => Sweep(), null, SweepInterval, SweepInterval);

    public Http1Pool For(EndpointModel endpoint, UpstreamTlsConnector? tls) => tls is null
        ? _plain.GetOrAdd(endpoint, static e => new Http1Pool(e, null))
        : _tls.GetOrAdd((tls, endpoint), static key => new Http1Pool(key.Item2, key.Item1));

    private void Sweep()
    {
        foreach (var pool in _plain.Values) pool.Sweep();
        foreach (var pool in _tls.Values) pool.Sweep();
    }

    public void Dispose()
    {
        _sweeper.Dispose();
        foreach (var pool in _plain.Values) pool.Clear();
        foreach (var pool in _tls.Values) pool.Clear();
    }
}
