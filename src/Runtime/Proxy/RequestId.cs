namespace Meshc.Runtime.Proxy;

/// <summary>
/// New x-request-id values: random version-4 UUIDs, as Envoy generates them. They come from a fast non-cryptographic
/// generator: an id must be unique, not secret, and <see cref="Guid.NewGuid"/> costs a system call per request.
/// </summary>
public static class RequestId
{
    public static string New()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes, bigEndian: true).ToString();
    }
}
