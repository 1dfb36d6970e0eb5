using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using Meshc.Runtime.Edge;
using Meshc.Runtime.Model;
using Meshc.Runtime.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Forwarder;

namespace Meshc.Runtime.Proxy;

/// <summary>
/// Serves one downstream request: snaps the current snapshot, routes on the raw path, answers locally or forwards
/// with the route timeout, per-try timeouts and retries with backoff. An attempt goes through the HTTP/1.1 client of
/// <see cref="Http1Forwarder"/> when the upstream speaks HTTP/1.1 and the request is no upgrade, CONNECT or <c>Expect</c>;
/// those and HTTP/2 upstreams go through YARP's <see cref="IHttpForwarder"/> on SocketsHttpHandler
/// (<see cref="UpstreamClient.Yarp"/> sends everything that way).
/// </summary>
public sealed class ProxyHandler(SnapshotHolder holder, ProxyStats stats, IHttpForwarder forwarder, UpstreamClient client = UpstreamClient.Native) : IDisposable
{
    private readonly ConcurrentDictionary<string, HttpMessageInvoker> _invokers = new(StringComparer.Ordinal);
    private readonly Http1Pools _pools = new();
    private RequestMirror? _mirror;

    // Built on first use: it shares this handler's per-cluster invokers (a benign race builds an equivalent one).
    private RequestMirror Mirror => _mirror ??= new RequestMirror(holder, stats, Invoker);

    /// <summary>Whether an upstream request to <paramref name="cluster"/> is HTTP/2 (h2c prior knowledge) for this downstream protocol.</summary>
    public static bool UsesHttp2(ClusterModel cluster, string downstreamProtocol) => cluster.Protocol switch
    {
        UpstreamProtocol.Http2 => true,
        UpstreamProtocol.Downstream => HttpProtocol.IsHttp2(downstreamProtocol),
        _ => false,
    };

    public async Task Handle(HttpContext ctx)
    {
        // The socket names the listener; its settings come from the snapshot this request snapped with that map.
        var (snapshot, sockets) = holder.Now;
        var name = sockets.ListenerFor(ctx.Connection.LocalIpAddress, ctx.Connection.LocalPort);
        var listener = ListenerNamed(snapshot, name);
        try
        {
            await Serve(ctx, snapshot, listener);
        }
        catch (BadHttpRequestException)
        {
            // Kestrel's parser refused the body while it was read here (buffered for a retry or a mirror).
            await DownstreamFailed(ctx, listener);
        }
        finally
        {
            var prefix = ctx.Features.Get<ServingChain>()?.Chain.Hcm.StatPrefix ?? listener?.Hcm.StatPrefix ?? "unknown";
            stats.CountDownstream(prefix, ctx.Response.StatusCode);
        }
    }

    /// <summary>The listener of that name (a loop, not a query: this runs for every request).</summary>
    private static ListenerModel? ListenerNamed(RuntimeSnapshot snapshot, string? name)
    {
        foreach (var listener in snapshot.Listeners)
            if (listener.Name == name) return listener;
        return null;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask Serve(HttpContext ctx, RuntimeSnapshot snapshot, ListenerModel? listener)
    {
        // A connection accepted on a TLS-terminating chain is served with that chain's route table and settings.
        if (listener is not null && ctx.Features.Get<ServingChain>() is { } tls)
            listener = listener with { RouteConfigName = tls.Chain.RouteConfigName, Hcm = tls.Chain.Hcm };
        // Envoy's codec and connection manager come before any filter: limits, framing, HTTP/1.0, the path.
        var hcm = listener?.Hcm ?? HcmSettings.Default;
        var edgeRequest = EdgeRequestReader.Read(ctx);
        var edge = RequestEdge.Check(edgeRequest, hcm.Edge, hcm.Paths);
        if (edge.Refusal is { } refusal)
        {
            if (refusal.Stat is { } stat) stats.Increment(StatScope.Http, listener?.Hcm.StatPrefix ?? "unknown", stat);
            await EdgeReply.Write(ctx, refusal, edgeRequest.IsGrpc);
            return;
        }
        Admit(ctx, edgeRequest, edge);
        if (await holder.Policy.RefuseRequest(ctx, listener?.Name, edge.Path)) return;
        if (listener is null || !snapshot.RouteTables.TryGetValue(listener.RouteConfigName, out var table))
        {
            await LocalReply.Write(ctx, 404, "");
            return;
        }
        var request = new RouteRequest(edge.Authority, edge.Path, ctx.Request.Method, ctx.Request.Scheme,
            name => ctx.Request.Headers.TryGetValue(name, out var v) ? v.ToString() : null);
        var router = listener.Hcm.StatPrefix;
        switch (table.Route(request, () => (ulong)Random.Shared.NextInt64(long.MaxValue), hcm.CorsFilter))
        {
            case NoRouteDecision:
                stats.Increment(StatScope.Http, router, "no_route");
                await LocalReply.Write(ctx, 404, "");
                return;
            case DirectResponseDecision d:
                stats.Increment(StatScope.Http, router, "rq_direct_response");
                await LocalReply.Write(ctx, d.Status, d.Body, d.ResponseHeaders);
                return;
            case RedirectDecision r:
                stats.Increment(StatScope.Http, router, "rq_redirect");
                await LocalReply.Write(ctx, r.Status, "", r.ResponseHeaders);
                ctx.Response.Headers.Location = r.Location;
                return;
            case ForwardDecision f:
                await Forward(ctx, snapshot, listener, f);
                return;
        }
    }

    /// <summary>
    /// What the edge changed goes upstream too: the authority of an absolute-form target or HTTP/1.0's default host,
    /// header lines dropped for underscores, and Kestrel's own <c>X-Content-Length</c> (Envoy drops Content-Length
    /// when <c>allow_chunked_length</c> lets such a request through). The path is the decision's.
    /// </summary>
    private static void Admit(HttpContext ctx, EdgeRequest request, EdgeVerdict edge)
    {
        if (request.Host != edge.Authority) ctx.Request.Headers.Host = edge.Authority;
        foreach (var name in edge.DroppedHeaders) ctx.Request.Headers.Remove(name);
        if (request.ChunkedWithContentLength) ctx.Request.Headers.Remove(EdgeRequestReader.KestrelContentLengthMarker);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask Forward(HttpContext ctx, RuntimeSnapshot snapshot, ListenerModel listener, ForwardDecision decision)
    {
        if (!snapshot.Clusters.TryGetValue(decision.Cluster, out var cluster))
        {
            stats.Increment(StatScope.Http, listener.Hcm.StatPrefix, "no_cluster");
            await LocalReply.Write(ctx, decision.ClusterNotFoundStatus, "", decision.ResponseHeaders);
            return;
        }
        if (await holder.Policy.RefuseUpstream(ctx, listener.Name, cluster, decision.UpstreamPath)) return;
        ConnectionManagerHeaders.Apply(ctx, listener.Hcm);
        HeaderMutation.ApplyAll(decision.RequestHeaders, ctx.Request.Headers);
        if (decision.HostRewrite is { } host) ctx.Request.Headers.Host = host;

        var retry = decision.Retry;
        var mirrors = Mirrors(ctx, decision);
        if (retry is not null || mirrors.Count > 0)
        {
            // A retry replays the request body and a mirror copies it, so it is buffered before the first attempt —
            // within the listener's buffer limit; a larger body goes upstream once, without retries or mirrors.
            var body = await RequestBodyBuffer.TryBuffer(ctx.Request, listener.BufferLimit, ctx.RequestAborted);
            if (body is null)
            {
                stats.Increment(StatScope.Cluster, cluster.Name, "retry_or_shadow_abandoned");
                retry = null;
            }
            else
            {
                foreach (var (spec, mirrorCluster) in mirrors) Mirror.Send(ctx, snapshot, decision, spec, mirrorCluster, body);
            }
        }
        using var routeCts = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted);
        if (decision.Timeout is { } timeout) routeCts.CancelAfter(timeout);
        var backoff = retry is null ? null : new Backoff(retry.BaseInterval, retry.MaxInterval, () => (ulong)Random.Shared.NextInt64(long.MaxValue));
        var retriesLeft = retry?.NumRetries ?? 0;
        var invoker = Invoker(cluster);
        for (var attempt = 0; ; attempt++)
        {
            var state = holder.StateOf(cluster.Name);
            var endpoint = state.Pick(cluster);
            if (endpoint is null)
            {
                stats.Increment(StatScope.Cluster, cluster.Name, "upstream_cx_none_healthy");
                await LocalReply.Write(ctx, 503, LocalReply.NoHealthyUpstream, decision.ResponseHeaders);
                return;
            }
            if (attempt > 0)
            {
                stats.Increment(StatScope.Cluster, cluster.Name, "upstream_rq_retry");
                ctx.Request.Body.Position = 0;
                ctx.Response.Clear();
                ctx.Features.Set<IForwarderErrorFeature>(null);
            }
            stats.Increment(StatScope.Cluster, cluster.Name, "upstream_rq_total");
            // Envoy overwrites whatever the client sent, counting from 1.
            if (decision.AttemptCount.InRequest) ctx.Request.Headers["x-envoy-attempt-count"] = (attempt + 1).ToString(CultureInfo.InvariantCulture);
            var hostState = state.Host(endpoint);
            Interlocked.Increment(ref hostState.Active);
            AttemptOutcome outcome;
            try
            {
                outcome = await Attempt(ctx, decision, cluster, invoker, endpoint, routeCts, retriesLeft > 0, attempt + 1);
            }
            finally
            {
                Interlocked.Decrement(ref hostState.Active);
            }
            if (outcome.Kind == OutcomeKind.Downstream)
            {
                // Envoy resets the upstream stream (upstream_rq_tx_reset) and tells outlier detection nothing.
                stats.Increment(StatScope.Cluster, cluster.Name, "upstream_rq_tx_reset");
                await DownstreamFailed(ctx, listener);
                return;
            }
            Count(cluster.Name, outcome);
            var local = outcome.Kind is OutcomeKind.ConnectFailure or OutcomeKind.Reset or OutcomeKind.ProtocolError or OutcomeKind.PerTryTimeout or OutcomeKind.RouteTimeout;
            state.Report(cluster, endpoint, local, outcome.Kind is OutcomeKind.PerTryTimeout or OutcomeKind.RouteTimeout,
                outcome.Kind == OutcomeKind.Status ? outcome.Code : ctx.Response.StatusCode);
            if (outcome.Final) return;
            if (retriesLeft-- <= 0 || !outcome.Retriable(retry!))
            {
                await Fail(ctx, decision, outcome);
                return;
            }
            try
            {
                await Task.Delay(backoff!.NextDelay(), routeCts.Token);
            }
            catch (OperationCanceledException)
            {
                await Fail(ctx, decision, AttemptOutcome.RouteTimeout);
                return;
            }
        }
    }

    /// <summary>
    /// A request the client broke while it was being forwarded: as Envoy's codec does, 400 with the connection closed
    /// when nothing has been answered yet (counted as a protocol error), else the connection is dropped.
    /// </summary>
    private async Task DownstreamFailed(HttpContext ctx, ListenerModel? listener)
    {
        if (ctx.RequestAborted.IsCancellationRequested || ctx.Response.HasStarted)
        {
            ctx.Abort();
            return;
        }
        stats.Increment(StatScope.Http, listener?.Hcm.StatPrefix ?? "unknown", EdgeRefusal.ProtocolErrorStat);
        await EdgeReply.Write(ctx, EdgeRefusal.Codec(400), grpc: false);
    }

    private static readonly IReadOnlyList<(MirrorSpec Spec, string Cluster)> NoMirrors = [];

    /// <summary>The mirror policies that fire for this request, with the cluster each one shadows to.</summary>
    private static IReadOnlyList<(MirrorSpec Spec, string Cluster)> Mirrors(HttpContext ctx, ForwardDecision decision)
    {
        // Envoy shadows neither upgrades nor CONNECT.
        if (decision.Mirrors.Count == 0 || HttpMethods.IsConnect(ctx.Request.Method) || ctx.Request.Headers.ContainsKey("upgrade")) return NoMirrors;
        var mirrors = new List<(MirrorSpec, string)>();
        foreach (var spec in decision.Mirrors)
            if (spec.ClusterFor(name => ctx.Request.Headers.TryGetValue(name, out var v) ? v.ToString() : null) is { } cluster && spec.Fires((ulong)Random.Shared.NextInt64(long.MaxValue)))
                mirrors.Add((spec, cluster));
        return mirrors;
    }

    /// <summary>The cluster stats for attempts that got no response.</summary>
    private void Count(string cluster, AttemptOutcome outcome)
    {
        var stat = outcome.Kind switch
        {
            OutcomeKind.RouteTimeout => "upstream_rq_timeout",
            OutcomeKind.PerTryTimeout => "upstream_rq_per_try_timeout",
            OutcomeKind.ConnectFailure => "upstream_cx_connect_fail",
            OutcomeKind.Reset => "upstream_rq_rx_reset",
            OutcomeKind.ProtocolError => "upstream_cx_protocol_error",
            _ => null,
        };
        if (stat is not null) stats.Increment(StatScope.Cluster, cluster, stat);
    }

    private static readonly ForwarderRequestConfig Http11Config = new()
    {
        ActivityTimeout = TimeSpan.FromSeconds(300),
        Version = HttpVersion.Version11,
        VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
    };

    private static readonly ForwarderRequestConfig Http2Config = new()
    {
        ActivityTimeout = TimeSpan.FromSeconds(300),
        Version = HttpVersion.Version20,
        VersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<TlsMaterial, ConcurrentDictionary<string, HttpMessageInvoker>> _tlsInvokers = new();
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<TlsMaterial, ConcurrentDictionary<string, UpstreamTlsConnector>> _tlsConnectors = new();

    /// <summary>
    /// The cluster's upstream client. A TLS cluster gets one per snapshot's TLS material (its CA bundle may change on a
    /// reload; connections of the old one finish as they are), whose connections are TLS from the start (see
    /// <see cref="UpstreamTlsConnector"/>).
    /// </summary>
    private HttpMessageInvoker Invoker(ClusterModel cluster)
    {
        if (cluster.Tls is not { } tls) return _invokers.GetOrAdd(cluster.Name, _ => CreateInvoker(cluster, null));
        var material = holder.Current.Tls;
        return _tlsInvokers.GetOrCreateValue(material).GetOrAdd(cluster.Name + "\n" + tls, _ => CreateInvoker(cluster, Connector(cluster)));
    }

    /// <summary>The TLS connector of a TLS cluster for the current TLS material (one per cluster and setting, shared by both clients); null for plaintext.</summary>
    private UpstreamTlsConnector? Connector(ClusterModel cluster)
    {
        if (cluster.Tls is not { } tls) return null;
        var material = holder.Current.Tls;
        return _tlsConnectors.GetOrCreateValue(material).GetOrAdd(cluster.Name + "\n" + tls, _ => new UpstreamTlsConnector(cluster.Name, tls, material, stats));
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<AttemptOutcome> Attempt(HttpContext ctx, ForwardDecision decision, ClusterModel cluster, HttpMessageInvoker invoker,
        EndpointModel endpoint, CancellationTokenSource routeCts, bool mayRetry, int attemptNumber)
    {
        // A per-try timer only where a per-try timeout is set: most routes have none, and a timer per request costs.
        using var tryCts = decision.Retry?.PerTryTimeout is { } perTry ? CancellationTokenSource.CreateLinkedTokenSource(routeCts.Token) : null;
        tryCts?.CancelAfter(decision.Retry!.PerTryTimeout!.Value);
        var http2 = UsesHttp2(cluster, ctx.Request.Protocol);
        if (client == UpstreamClient.Native && !http2 && Http1Forwarder.Serves(ctx.Request))
            return await AttemptHttp1(ctx, decision, cluster, endpoint, routeCts, tryCts, mayRetry, attemptNumber);
        var transformer = new ForwardTransformer(decision, mayRetry, attemptNumber, routeCts, tryCts);
        var config = http2 ? Http2Config : Http11Config;
        var error = await forwarder.SendAsync(ctx, endpoint.HttpOrigin, invoker, config, transformer, tryCts?.Token ?? routeCts.Token);
        if (transformer.UpstreamStatus is { } upstream) stats.CountUpstreamResponse(cluster.Name, upstream);
        if (transformer.TooManyResponseHeaders) return AttemptOutcome.ProtocolError;
        if (transformer.HeldBackStatus is { } status) return AttemptOutcome.Status(status);
        if (error == ForwarderError.None) return AttemptOutcome.Done;
        // The client's own failures (a malformed chunked body, a body cut short, a disconnect) are no upstream's fault.
        if (error == ForwarderError.RequestBodyClient || ctx.RequestAborted.IsCancellationRequested) return AttemptOutcome.Downstream;
        if (ctx.Response.HasStarted) return AttemptOutcome.Done;
        if (routeCts.IsCancellationRequested) return AttemptOutcome.RouteTimeout;
        if (tryCts?.IsCancellationRequested == true) return AttemptOutcome.PerTryTimeout;
        var exception = ctx.Features.Get<IForwarderErrorFeature>()?.Exception;
        return exception switch
        {
            // A failed upstream TLS handshake (verification included) is a connect failure, as in Envoy.
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError }
                when error == ForwarderError.Request => AttemptOutcome.ConnectFailure,
            // Response headers over MaxResponseHeadersLength: Envoy's codec refuses them as a protocol error.
            HttpRequestException { HttpRequestError: HttpRequestError.ConfigurationLimitExceeded } => AttemptOutcome.ProtocolError,
            _ => AttemptOutcome.Reset,
        };
    }

    /// <summary>An attempt on the HTTP/1.1 client, classified as the YARP path classifies its errors.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<AttemptOutcome> AttemptHttp1(HttpContext ctx, ForwardDecision decision, ClusterModel cluster, EndpointModel endpoint,
        CancellationTokenSource routeCts, CancellationTokenSource? tryCts, bool mayRetry, int attemptNumber)
    {
        var pool = _pools.For(endpoint, Connector(cluster));
        var result = await Http1Forwarder.SendAsync(ctx, pool, cluster.ConnectTimeout, decision, mayRetry, attemptNumber, endpoint.ToString(), tryCts?.Token ?? routeCts.Token);
        if (result.UpstreamStatus is { } upstream) stats.CountUpstreamResponse(cluster.Name, upstream);
        if (result.HeldBackStatus is { } status) return AttemptOutcome.Status(status);
        if (result.Error == Http1Error.None) return AttemptOutcome.Done;
        // As on the YARP path: the client's own failures are no upstream's fault, and an over-limit head is a protocol error.
        if (result.Error == Http1Error.Downstream || ctx.RequestAborted.IsCancellationRequested) return AttemptOutcome.Downstream;
        if (result.Error == Http1Error.Protocol) return AttemptOutcome.ProtocolError;
        if (ctx.Response.HasStarted) return AttemptOutcome.Done;
        if (routeCts.IsCancellationRequested) return AttemptOutcome.RouteTimeout;
        if (tryCts?.IsCancellationRequested == true) return AttemptOutcome.PerTryTimeout;
        return result.Error == Http1Error.Connect ? AttemptOutcome.ConnectFailure : AttemptOutcome.Reset;
    }

    private static Task Fail(HttpContext ctx, ForwardDecision decision, AttemptOutcome outcome) => outcome.Kind switch
    {
        OutcomeKind.RouteTimeout or OutcomeKind.PerTryTimeout => LocalReply.Write(ctx, 504, LocalReply.Timeout, decision.ResponseHeaders),
        // A held-back response is not replayed; the last status is answered with Envoy's local reply shape.
        OutcomeKind.Status => LocalReply.Write(ctx, outcome.Code, "", decision.ResponseHeaders),
        OutcomeKind.ConnectFailure => LocalReply.Write(ctx, 503, LocalReply.ConnectFailure, decision.ResponseHeaders),
        // Envoy's router answers an upstream protocol error 502 (503 before 1.18), other resets 503.
        OutcomeKind.ProtocolError => LocalReply.Write(ctx, 502, LocalReply.ProtocolError, decision.ResponseHeaders),
        _ => LocalReply.Write(ctx, 503, "upstream connect error or disconnect/reset before headers. reset reason: connection termination", decision.ResponseHeaders),
    };

    public void Dispose() => _pools.Dispose();

    /// <summary>
    /// One connection pool per cluster (per TLS material for a TLS cluster). Response headers are limited as Envoy's
    /// upstream codecs limit them: 80 KiB on HTTP/1 (the codec's fixed limit), 60 KiB (<c>max_response_headers_kb</c>'s
    /// default) on HTTP/2.
    /// </summary>
    private static HttpMessageInvoker CreateInvoker(ClusterModel cluster, UpstreamTlsConnector? tls) => new(new SocketsHttpHandler
    {
        ConnectCallback = tls is null ? null : tls.ConnectAsync,
        MaxResponseHeadersLength = cluster.Protocol == UpstreamProtocol.Http2 ? 60 : 80,
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        ActivityHeadersPropagator = null,
        ConnectTimeout = cluster.ConnectTimeout,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60),
    });
}
