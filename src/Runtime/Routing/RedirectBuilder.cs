using System.Text.RegularExpressions;
using Envoy.Config.Route.V3;

namespace Meshc.Runtime.Routing;

/// <summary>
/// Builds a redirect's <c>Location</c> as Envoy's newUri does: scheme (scheme_redirect, https_redirect or the request's),
/// host (host_redirect or the request host, whose port is kept only when no port_redirect is set), port, then the path;
/// a port that is the default for the final scheme is dropped.
/// </summary>
public sealed class RedirectBuilder
{
    private readonly RedirectAction _action;
    private readonly PathMatch _matched;
    private readonly Regex? _regex;

    public RedirectBuilder(RedirectAction action, PathMatch matched)
    {
        _action = action;
        _matched = matched;
        if (action.PathRewriteSpecifierCase == RedirectAction.PathRewriteSpecifierOneofCase.RegexRewrite)
            _regex = PathRewrite.Compile(action.RegexRewrite.Pattern.Regex);
    }

    public int Status => _action.ResponseCode switch
    {
        RedirectAction.Types.RedirectResponseCode.Found => 302,
        RedirectAction.Types.RedirectResponseCode.SeeOther => 303,
        RedirectAction.Types.RedirectResponseCode.TemporaryRedirect => 307,
        RedirectAction.Types.RedirectResponseCode.PermanentRedirect => 308,
        _ => 301,
    };

    public string Location(RouteRequest request)
    {
        var scheme = _action.SchemeRewriteSpecifierCase switch
        {
            RedirectAction.SchemeRewriteSpecifierOneofCase.SchemeRedirect => _action.SchemeRedirect.ToLowerInvariant(),
            RedirectAction.SchemeRewriteSpecifierOneofCase.HttpsRedirect when _action.HttpsRedirect => "https",
            _ => request.Scheme,
        };
        var port = _action.PortRedirect != 0 ? ":" + _action.PortRedirect : "";
        string host;
        if (_action.HostRedirect.Length > 0) host = _action.HostRedirect;
        else
        {
            host = VirtualHostSelector<object>.StripPort(request.Authority);
            if (port.Length == 0 && host.Length < request.Authority.Length) port = request.Authority[host.Length..];
        }
        if ((scheme == "http" && port == ":80") || (scheme == "https" && port == ":443")) port = "";
        return $"{scheme}://{host}{port}{Path(request)}";
    }

    private string Path(RouteRequest request)
    {
        var query = _action.StripQuery ? "" : request.QueryPart;
        switch (_action.PathRewriteSpecifierCase)
        {
            case RedirectAction.PathRewriteSpecifierOneofCase.PathRedirect:
                // A path_redirect carrying its own query keeps it, and the request's query is not added.
                return _action.PathRedirect.Contains('?') ? _action.PathRedirect : _action.PathRedirect + query;
            case RedirectAction.PathRewriteSpecifierOneofCase.PrefixRewrite:
                return PathRewrite.Prefix(request.PathOnly, _matched, _action.PrefixRewrite) + query;
            case RedirectAction.PathRewriteSpecifierOneofCase.RegexRewrite:
                return PathRewrite.Regex(request.PathOnly, _regex!, _action.RegexRewrite.Substitution) + query;
            default:
                return request.PathOnly + query;
        }
    }
}
