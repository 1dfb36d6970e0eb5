namespace Meshc.Runtime.Proxy;

/// <summary>
/// The URI of an upstream request, with the path exactly as routing decided it. <see cref="Uri"/> would otherwise
/// canonicalize it (resolve <c>..</c> and <c>%2e%2e</c>, unescape some escapes), so the backend would receive a path
/// the router never matched: the route bypass of Envoy's CVE-2019-9901. Whatever normalization the listener asks for
/// has been done by then (<see cref="Routing.PathNormalizer"/>).
/// </summary>
public static class UpstreamUri
{
    private static readonly UriCreationOptions Verbatim = new() { DangerousDisablePathAndQueryCanonicalization = true };

    public static Uri For(string origin, string path) => new(origin.TrimEnd('/') + path, in Verbatim);
}
