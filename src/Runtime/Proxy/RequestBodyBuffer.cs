using Microsoft.AspNetCore.Http;

namespace Meshc.Runtime.Proxy;

/// <summary>
/// Buffers a request body so a retry can replay it and a mirror can copy it — up to the listener's buffer limit, as
/// Envoy's router does. A body over the limit is not held: the bytes read so far are put back in front of the rest, the
/// request goes upstream once, and retries and mirrors are abandoned for it (Envoy's
/// <c>retry_or_shadow_abandoned</c>), so one large upload cannot take the proxy's memory.
/// </summary>
public static class RequestBodyBuffer
{
    /// <summary>The whole body when it fits in <paramref name="limit"/> bytes (the request then reads it from memory and can be rewound); null when it does not.</summary>
    public static async Task<byte[]?> TryBuffer(HttpRequest request, int limit, CancellationToken cancel)
    {
        using var held = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (true)
        {
            var read = await request.Body.ReadAsync(chunk, cancel);
            if (read == 0) break;
            held.Write(chunk, 0, read);
            if (held.Length > limit)
            {
                request.Body = new PrefixedStream(held.ToArray(), request.Body);
                return null;
            }
        }
        var body = held.ToArray();
        request.Body = new MemoryStream(body, writable: false);
        return body;
    }
}
