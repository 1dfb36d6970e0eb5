using System.Net;
using Meshc.Runtime.Model;
using Meshc.Runtime.Routing;
using Microsoft.AspNetCore.Http;

namespace Meshc.Runtime.Proxy;

/// <summary>
/// Envoy's request shadowing: a copy of the forwarded request (headers after the route's edits, the buffered body, the
/// Host with <c>-shadow</c> appended) goes to the mirror cluster fire and forget. Its response is read and dropped; its
/// failures are swallowed; the main request never waits for it.
/// </summary>
public sealed class RequestMirror(SnapshotHolder holder, ProxyStats stats, Func<ClusterModel, HttpMessageInvoker> invokerFor)
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    // Connection-level headers describe the downstream hop, not the request; the content ones ride on the body.
    private static readonly HashSet<string> NotCopied = new(StringComparer.OrdinalIgnoreCase)
    {
        "host", "connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "upgrade", "trailer", "content-length",
    };

    /// <summary>Starts the shadow request; returns at once. Does nothing when the cluster is unknown or has no host to pick.</summary>
    public void Send(HttpContext ctx, RuntimeSnapshot snapshot, ForwardDecision decision, MirrorSpec spec, string clusterName, byte[] body)
    {
        if (!snapshot.Clusters.TryGetValue(clusterName, out var cluster)) return;
        var endpoint = holder.StateOf(cluster.Name).Pick(cluster);
        if (endpoint is null) return;
        var message = Copy(ctx, decision, spec, endpoint, body, ProxyHandler.UsesHttp2(cluster, ctx.Request.Protocol));
        stats.Increment(StatScope.Cluster, cluster.Name, "upstream_rq_total");
        var invoker = invokerFor(cluster);
        var timeout = decision.Timeout ?? DefaultTimeout;
        _ = Task.Run(async () =>
        {
            using var cts = new CancellationTokenSource(timeout);
            try
            {
                using var response = await invoker.SendAsync(message, cts.Token);
                await response.Content.CopyToAsync(Stream.Null, cts.Token);
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
            {
                // A shadow's failure is nobody's business: Envoy ignores the mirror's outcome.
            }
            finally
            {
                message.Dispose();
            }
        });
    }

    /// <summary>Snapshots the request now, while the downstream context is still valid.</summary>
    private static HttpRequestMessage Copy(HttpContext ctx, ForwardDecision decision, MirrorSpec spec, EndpointModel endpoint, byte[] body, bool http2)
    {
        var message = new HttpRequestMessage(new HttpMethod(ctx.Request.Method), UpstreamUri.For(endpoint.HttpOrigin, decision.UpstreamPath))
        {
            Version = http2 ? HttpVersion.Version20 : HttpVersion.Version11,
            VersionPolicy = http2 ? HttpVersionPolicy.RequestVersionExact : HttpVersionPolicy.RequestVersionOrLower,
        };
        var hasBody = body.Length > 0 || ctx.Request.ContentLength is not null || ctx.Request.Headers.ContainsKey("transfer-encoding");
        if (hasBody) message.Content = new ByteArrayContent(body);
        foreach (var (name, values) in ctx.Request.Headers)
        {
            if (NotCopied.Contains(name) || name.StartsWith(':')) continue;
            if (name.StartsWith("content-", StringComparison.OrdinalIgnoreCase))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
                continue;
            }
            message.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
        }
        message.Headers.Host = spec.ShadowHost(ctx.Request.Headers.Host.ToString());
        SingleFieldHeaders.Join(message.Headers);
        return message;
    }
}
