namespace Meshc.Runtime.Tests.Conformance;

/// <summary>
/// Upstream redirect tests. Upstream checks the parts of the Location the filter sets; the rows give the whole
/// Location Envoy builds ("{host}" is the Host the client sent, the Gateway's address as for port 80).
/// </summary>
public sealed class RedirectConformanceTests
{
    private static async Task Run(string manifest, params Row[] rows)
    {
        await using var run = await ConformanceRun.StartAsync(manifest);
        await run.ExpectAllAsync(rows);
    }

    // The same rows serve the Mesh profile's redirect tests, whose manifests use the same paths.
    internal static readonly Row[] HostAndStatusRows =
    [
        Row.Redirect("/hostname-redirect", 302, "http://example.org/hostname-redirect"),
        Row.Redirect("/host-and-status", 301, "http://example.org/host-and-status"),
    ];

    internal static readonly Row[] PathRows =
    [
        Row.Redirect("/original-prefix/lemon", 302, "http://{host}/replacement-prefix/lemon"),
        Row.Redirect("/full/path/original", 302, "http://{host}/full-path-replacement"),
        Row.Redirect("/path-and-host", 302, "http://example.org/replacement-prefix"),
        Row.Redirect("/path-and-status", 301, "http://{host}/replacement-prefix"),
        Row.Redirect("/full-path-and-host", 302, "http://example.org/replacement-full"),
        Row.Redirect("/full-path-and-status", 301, "http://{host}/replacement-full"),
    ];

    internal static readonly Row[] PortRows =
    [
        Row.Redirect("/port", 302, "http://{host}:8083/port"),
        Row.Redirect("/port-and-host", 302, "http://example.org:8083/port-and-host"),
        Row.Redirect("/port-and-status", 301, "http://{host}:8083/port-and-status"),
        Row.Redirect("/port-and-host-and-status", 302, "http://example.org:8083/port-and-host-and-status"),
    ];

    internal static readonly Row[] SchemeRows =
    [
        Row.Redirect("/scheme", 302, "https://{host}/scheme"),
        Row.Redirect("/scheme-and-host", 302, "https://example.org/scheme-and-host"),
        Row.Redirect("/scheme-and-status", 301, "https://{host}/scheme-and-status"),
        Row.Redirect("/scheme-and-host-and-status", 302, "https://example.org/scheme-and-host-and-status"),
    ];

    [SharedFact(ConformanceManifests.SharedFolder)]
    public Task HTTPRouteRedirectHostAndStatus() => Run("httproute-redirect-host-and-status", HostAndStatusRows);

    [SharedFact(ConformanceManifests.SharedFolder)]
    public Task HTTPRouteRedirectPath() => Run("httproute-redirect-path", PathRows);

    [SharedFact(ConformanceManifests.SharedFolder)]
    public Task HTTPRouteRedirectPort() => Run("httproute-redirect-port", PortRows);

    [SharedFact(ConformanceManifests.SharedFolder)]
    public Task HTTPRouteRedirectScheme() => Run("httproute-redirect-scheme", SchemeRows);

    [SharedTheory(ConformanceManifests.SharedFolder)]
    [InlineData("httproute-303-redirect", "/see-other", 303)]
    [InlineData("httproute-307-redirect", "/temporary", 307)]
    [InlineData("httproute-308-redirect", "/permanent", 308)]
    public Task HTTPRoute30xRedirect(string manifest, string path, int status) => Run(manifest,
        // Upstream sends these with POST: the status code is what tells the client whether to keep the method.
        Row.Redirect(path, status, "http://{host}" + path) with { Method = "POST" });

    /// <summary>
    /// HTTPRouteRedirectPortAndScheme for the plain HTTP Gateways (the HTTPS one needs TLS, which the runtime does not
    /// serve). A client of the port-8080 Gateway sends its Host with ":8080"; a port that is the scheme's default is
    /// left out of the Location.
    /// </summary>
    [SharedFact(ConformanceManifests.SharedFolder)]
    public Task HTTPRouteRedirectPortAndScheme()
    {
        const string on8080 = Gw.Infra + "/same-namespace-with-http-listener-on-8080";
        return Run("httproute-redirect-port-and-scheme",
            Row.Redirect("/scheme-nil-and-port-nil", 302, "http://example.org/scheme-nil-and-port-nil"),
            Row.Redirect("/scheme-nil-and-port-80", 302, "http://example.org/scheme-nil-and-port-80"),
            Row.Redirect("/scheme-nil-and-port-8080", 302, "http://example.org:8080/scheme-nil-and-port-8080"),
            Row.Redirect("/scheme-https-and-port-nil", 302, "https://example.org/scheme-https-and-port-nil"),
            Row.Redirect("/scheme-https-and-port-443", 302, "https://example.org/scheme-https-and-port-443"),
            Row.Redirect("/scheme-https-and-port-8443", 302, "https://example.org:8443/scheme-https-and-port-8443"),
            Row.Redirect("/scheme-nil-and-port-nil", 302, "http://example.org:8080/scheme-nil-and-port-nil") with { Gateway = on8080, Host = "127.0.0.1:8080" },
            Row.Redirect("/scheme-nil-and-port-80", 302, "http://example.org/scheme-nil-and-port-80") with { Gateway = on8080, Host = "127.0.0.1:8080" },
            Row.Redirect("/scheme-https-and-port-nil", 302, "https://example.org/scheme-https-and-port-nil") with { Gateway = on8080, Host = "127.0.0.1:8080" });
    }
}
