using Meshc.Runtime.Routing;
using Microsoft.AspNetCore.Http;

namespace Meshc.Runtime.Proxy;

/// <summary>Replies the proxy writes itself (no route, redirects, direct responses, upstream failures), as text/plain.</summary>
public static class LocalReply
{
    public const string ConnectFailure = "upstream connect error or disconnect/reset before headers. reset reason: connection failure";
    public const string Timeout = "upstream request timeout";
    public const string NoHealthyUpstream = "no healthy upstream";
    public const string ProtocolError = "upstream connect error or disconnect/reset before headers. reset reason: protocol error";

    public static async Task Write(HttpContext ctx, int status, string body, IEnumerable<HeaderMutation>? responseHeaders = null)
    {
        if (ctx.Response.HasStarted) { ctx.Abort(); return; }
        ctx.Response.Clear();
        ctx.Response.StatusCode = status;
        if (responseHeaders is not null) HeaderMutation.ApplyAll(responseHeaders, ctx.Response.Headers);
        if (body.Length > 0)
        {
            ctx.Response.ContentType = "text/plain";
            await ctx.Response.WriteAsync(body);
        }
    }
}
