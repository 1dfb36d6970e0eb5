namespace Meshc.Runtime.Proxy;

/// <summary>
/// The header names upstream responses usually carry, so reading one allocates no string for its name; any other
/// name is allocated as it was sent.
/// </summary>
internal static class KnownHeaders
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "Accept-Ranges", "Access-Control-Allow-Origin", "Age", "Cache-Control", "Content-Encoding", "Content-Language",
        "Content-Location", "Content-Range", "Content-Type", "Date", "ETag", "Expires", "Last-Modified", "Location",
        "Server", "Set-Cookie", "Strict-Transport-Security", "Trailer", "Vary", "Via", "WWW-Authenticate",
        "X-Content-Type-Options", "X-Frame-Options", "x-request-id", "x-envoy-upstream-service-time", "grpc-status",
        "grpc-message",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Names.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The name as a string: the known spelling when it is one of <see cref="Names"/> (names are case-insensitive), else a new string.</summary>
    public static string Name(ReadOnlySpan<char> name) => Lookup.TryGetValue(name, out var known) ? known : new string(name);

    /// <summary>The known spelling of <paramref name="name"/>, or null when it is not one of <see cref="Names"/>.</summary>
    public static string? Known(ReadOnlySpan<char> name) => Lookup.TryGetValue(name, out var known) ? known : null;
}
