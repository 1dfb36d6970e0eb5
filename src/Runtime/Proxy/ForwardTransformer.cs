using Meshc.Runtime.Routing;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace Meshc.Runtime.Proxy;

/// <summary>
/// Copies the request as it is (Host included, no X-Forwarded-* of YARP's own) to the rewritten path, and holds back a
/// response the retry policy will retry so that nothing reaches the client before the final attempt; adds
/// <c>x-envoy-attempt-count</c> to the response when the virtual host asks for it. An upgrade's 101 stops the route and
/// per-try timers (<paramref name="routeTimer"/>, <paramref name="tryTimer"/>): as in Envoy, they cover an upgrade until
/// it is answered, and the upgraded stream (a WebSocket) is then bounded by the idle timeout only.
/// </summary>
public sealed class ForwardTransformer(ForwardDecision decision, bool mayRetry, int attemptNumber = 1,
    CancellationTokenSource? routeTimer = null, CancellationTokenSource? tryTimer = null) : HttpTransformer
{
    /// <summary>The status of a response that was held back for a retry, if any.</summary>
    public int? HeldBackStatus { get; private set; }

    /// <summary>The status the upstream answered (held back or not), for the cluster's response stats.</summary>
    public int? UpstreamStatus { get; private set; }

    /// <summary>Envoy's default <c>max_headers_count</c> for upstream responses: more is a protocol error (502).</summary>
    public const int MaxResponseHeaders = 100;

    /// <summary>True when the response had more header lines than Envoy's codec takes; nothing was copied downstream.</summary>
    public bool TooManyResponseHeaders { get; private set; }

    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
        // The path goes as routing decided it, byte for byte: Envoy forwards the :path it matched.
        proxyRequest.RequestUri = UpstreamUri.For(destinationPrefix, decision.UpstreamPath);
        SingleFieldHeaders.Join(proxyRequest.Headers);
    }

    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        // Envoy's codec fails such a response before it has a status: nothing of it is counted or copied.
        if (proxyResponse is not null && HeaderLines(proxyResponse) > MaxResponseHeaders)
        {
            TooManyResponseHeaders = true;
            return false;
        }
        if (proxyResponse is not null) UpstreamStatus = (int)proxyResponse.StatusCode;
        if (proxyResponse?.StatusCode == System.Net.HttpStatusCode.SwitchingProtocols)
        {
            routeTimer?.CancelAfter(Timeout.InfiniteTimeSpan);
            tryTimer?.CancelAfter(Timeout.InfiniteTimeSpan);
        }
        if (proxyResponse is not null && mayRetry && decision.Retry!.RetriesStatus((int)proxyResponse.StatusCode))
        {
            HeldBackStatus = (int)proxyResponse.StatusCode;
            return false;
        }
        var copy = await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
        HeaderMutation.ApplyAll(decision.ResponseHeaders, httpContext.Response.Headers);
        if (decision.AttemptCount.InResponse)
            httpContext.Response.Headers["x-envoy-attempt-count"] = attemptNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return copy;
    }

    private static int HeaderLines(HttpResponseMessage response) =>
        response.Headers.Sum(h => h.Value.Count()) + response.Content.Headers.Sum(h => h.Value.Count());
}
