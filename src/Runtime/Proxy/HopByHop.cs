namespace Meshc.Runtime.Proxy;

/// <summary>
/// Headers that describe one hop, not the message, and are not copied across the proxy in either direction (the set
/// the YARP path drops, so both upstream clients forward the same headers). <c>TE: trailers</c> is the exception: gRPC
/// needs it upstream.
/// </summary>
internal static class HopByHop
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "connection", "keep-alive", "close", "proxy-connection", "transfer-encoding", "te", "upgrade", "http2-settings",
        "alpn", "proxy-authenticate", "proxy-authentication-info", "proxy-authorization", "proxy-features",
        "proxy-instruction", "security-scheme", "alt-svc", "upgrade-insecure-requests",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Names.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool Contains(string name) => Names.Contains(name);

    public static bool Contains(ReadOnlySpan<char> name) => Lookup.Contains(name);
}
