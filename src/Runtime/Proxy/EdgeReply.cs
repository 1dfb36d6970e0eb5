using Meshc.Runtime.Edge;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Meshc.Runtime.Proxy;

/// <summary>
/// Writes the request edge's refusals as Envoy does: an HTTP/2 stream is reset (INTERNAL_ERROR, as nghttp2 answers a
/// failed header callback); an HTTP/1 codec error gets its reason phrase and <c>connection: close</c>; a gRPC request
/// gets a gRPC-shaped reply (200, <c>grpc-status</c> from the HTTP status) since gRPC clients read only that.
/// </summary>
public static class EdgeReply
{
    private const int Http2InternalError = 2;

    public static async Task Write(HttpContext ctx, EdgeRefusal refusal, bool grpc)
    {
        if (refusal.Reset)
        {
            if (ctx.Features.Get<IHttpResetFeature>() is { } reset) reset.Reset(Http2InternalError);
            else ctx.Abort();
            return;
        }
        if (ctx.Response.HasStarted)
        {
            ctx.Abort();
            return;
        }
        ctx.Response.Clear();
        if (grpc)
        {
            ctx.Response.StatusCode = 200;
            ctx.Response.ContentType = "application/grpc";
            ctx.Response.Headers["grpc-status"] = GrpcStatus(refusal.Status);
            return;
        }
        ctx.Response.StatusCode = refusal.Status;
        if (refusal.ProtocolError) ctx.Response.Headers.Connection = "close";
        if (refusal.Location is { } location) ctx.Response.Headers.Location = location;
        if (refusal.Body.Length > 0)
        {
            // Envoy's local replies carry a content-length; the reason phrases are ASCII.
            ctx.Response.ContentType = "text/plain";
            ctx.Response.ContentLength = refusal.Body.Length;
            await ctx.Response.WriteAsync(refusal.Body);
        }
    }

    /// <summary>Envoy's Grpc::Utility::httpToGrpcStatus.</summary>
    public static string GrpcStatus(int httpStatus) => httpStatus switch
    {
        400 => "13",        // INTERNAL
        401 => "16",        // UNAUTHENTICATED
        403 => "7",         // PERMISSION_DENIED
        404 => "12",        // UNIMPLEMENTED
        429 or 502 or 503 or 504 => "14", // UNAVAILABLE
        _ => "2",           // UNKNOWN
    };
}
