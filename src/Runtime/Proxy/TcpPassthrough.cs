using System.Net.Sockets;
using Meshc.Runtime.Model;
using Microsoft.AspNetCore.Connections;

namespace Meshc.Runtime.Proxy;

/// <summary>
/// The <c>tcp_proxy</c> of a passthrough chain: picks a cluster by weight and a host by the cluster's load balancing
/// (skipping ejected ones), connects within the cluster's connect timeout — a failure counts
/// <c>upstream_cx_connect_fail</c> and feeds outlier detection, and the client's connection is closed (one connect
/// attempt, Envoy's default) — then replays the ClientHello and copies bytes both ways until either side closes.
/// </summary>
internal sealed class TcpPassthrough(SnapshotHolder holder, ProxyStats stats)
{
    public async Task Serve(ConnectionContext connection, byte[] clientHello, PassthroughChainModel chain)
    {
        var prefix = $"tcp.{chain.StatPrefix}";
        stats.Increment(prefix + ".downstream_cx_total");
        var snapshot = holder.Current;
        if (Pick(chain.Clusters) is not { } name || !snapshot.Clusters.TryGetValue(name, out var cluster))
        {
            stats.Increment(prefix + ".downstream_cx_no_route");
            connection.Abort();
            return;
        }
        var state = holder.StateOf(cluster.Name);
        if (state.Pick(cluster) is not { } endpoint)
        {
            stats.Increment($"cluster.{cluster.Name}.upstream_cx_none_healthy");
            connection.Abort();
            return;
        }
        using var upstream = new Socket(SocketType.Stream, ProtocolType.Tcp);
        using (var connect = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed))
        {
            connect.CancelAfter(cluster.ConnectTimeout);
            try
            {
                await upstream.ConnectAsync(endpoint.Address, endpoint.Port, connect.Token);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                stats.Increment($"cluster.{cluster.Name}.upstream_cx_connect_fail");
                state.Report(cluster, endpoint, localOriginFailure: true, timeout: e is OperationCanceledException, status: 503);
                connection.Abort();
                return;
            }
        }
        stats.Increment($"cluster.{cluster.Name}.upstream_cx_total");
        state.Report(cluster, endpoint, localOriginFailure: false, timeout: false, status: 200);
        var host = state.Host(endpoint);
        Interlocked.Increment(ref host.Active);
        try
        {
            await using var network = new NetworkStream(upstream, ownsSocket: false);
            await network.WriteAsync(clientHello, connection.ConnectionClosed);
            using var done = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed);
            var toBackend = CopyUp(connection, network, upstream, done.Token);
            await network.CopyToAsync(connection.Transport.Output.AsStream(leaveOpen: true), done.Token);
            await connection.Transport.Output.CompleteAsync();
            await done.CancelAsync();
            await toBackend;
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Either side went away; the other is closed with it.
        }
        finally
        {
            Interlocked.Decrement(ref host.Active);
            connection.Abort();
        }
    }

    /// <summary>Client → backend until the client finishes sending (then half-close toward the backend) or the backend side ends.</summary>
    private static async Task CopyUp(ConnectionContext connection, NetworkStream network, Socket upstream, CancellationToken token)
    {
        try
        {
            await connection.Transport.Input.CopyToAsync(network, token);
            upstream.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The backend closed first, or the client reset.
        }
    }

    private static string? Pick(IReadOnlyList<WeightedClusterRef> clusters)
    {
        if (clusters.Count == 1) return clusters[0].Cluster;
        ulong total = 0;
        foreach (var c in clusters) total += c.Weight;
        if (total == 0) return null;
        var selected = (ulong)Random.Shared.NextInt64(long.MaxValue) % total;
        ulong end = 0;
        foreach (var c in clusters)
        {
            end += c.Weight;
            if (selected < end) return c.Cluster;
        }
        return null;
    }
}
