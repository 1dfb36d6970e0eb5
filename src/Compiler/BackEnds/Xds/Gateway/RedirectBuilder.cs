using Envoy.Config.Route.V3;
using Meshc.Compiler.Ir;
using ResponseCode = Envoy.Config.Route.V3.RedirectAction.Types.RedirectResponseCode;

namespace Meshc.Compiler.BackEnds.Xds.Gateway;

/// <summary>Builds the redirect action of a RequestRedirect filter.</summary>
internal static class RedirectBuilder
{
    /// <summary>
    /// The port is the filter's, else the scheme's default (https 443, http 80), else the listener's: the Gateway API
    /// says a redirect with neither scheme nor port keeps the port the request came in on.
    /// </summary>
    public static RedirectAction Build(RequestRedirectFilter filter, int listenerPort)
    {
        var redirect = new RedirectAction { ResponseCode = ResponseCodeOf(filter.StatusCode) };
        if (filter.Scheme is { } scheme) redirect.SchemeRedirect = scheme;
        if (filter.Hostname is { } hostname) redirect.HostRedirect = hostname;
        if (PortOf(filter, listenerPort) is { } port) redirect.PortRedirect = (uint)port;
        switch (filter.Path)
        {
            case { Kind: PathModifierKind.ReplaceFullPath, Value.Length: > 0 } full:
                redirect.PathRedirect = full.Value;
                break;
            case { Kind: PathModifierKind.ReplacePrefixMatch, Value.Length: > 0 } prefix:
                redirect.PrefixRewrite = prefix.Value;
                break;
        }
        return redirect;
    }

    private static int? PortOf(RequestRedirectFilter filter, int listenerPort) => (filter.Port, filter.Scheme) switch
    {
        ({ } port, _) => port,
        (null, "https") => 443,
        (null, "http") => 80,
        (null, null) => listenerPort,
        // Another scheme (not allowed by the CRD) leaves the port alone.
        _ => null,
    };

    // 301 is the proto default (MOVED_PERMANENTLY = 0); any code the enum lacks falls back to it, as in Cilium.
    private static ResponseCode ResponseCodeOf(int statusCode) => statusCode switch
    {
        302 => ResponseCode.Found,
        303 => ResponseCode.SeeOther,
        307 => ResponseCode.TemporaryRedirect,
        308 => ResponseCode.PermanentRedirect,
        _ => ResponseCode.MovedPermanently,
    };
}
