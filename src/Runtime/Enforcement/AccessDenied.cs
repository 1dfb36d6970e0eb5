using Microsoft.AspNetCore.Http;

namespace Meshc.Runtime.Enforcement;

/// <summary>
/// The reply of Cilium's L7 policy filter (<c>cilium.l7policy</c>) to a request no HTTP rule allows: an Envoy local
/// reply 403 with the body "Access denied" plus CRLF, <c>content-type: text/plain</c>, a content length and
/// <c>server: envoy</c> (Kestrel adds <c>date</c>).
/// </summary>
public static class AccessDenied
{
    public const string Body = "Access denied\r\n";

    public static async Task Write(HttpContext ctx)
    {
        ctx.Response.Clear();
        ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
        ctx.Response.ContentType = "text/plain";
        ctx.Response.ContentLength = Body.Length;
        ctx.Response.Headers.Server = "envoy";
        await ctx.Response.WriteAsync(Body);
    }
}
