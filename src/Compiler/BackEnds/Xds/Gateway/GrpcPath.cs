using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.BackEnds.Xds.Gateway;

/// <summary>
/// A gRPC method match as an HTTP/2 path match (<c>/&lt;service&gt;/&lt;method&gt;</c>), as Cilium's ingestion maps it.
/// </summary>
internal static class GrpcPath
{
    /// <summary>
    /// Exact: service and method give the exact path, a service alone the prefix <c>/S/</c>, a method alone the regex
    /// <c>/.+/M</c>. RegularExpression: <c>/S/M</c>, <c>/S/.+</c> or <c>/.+/M</c>. No method match gives null (all paths).
    /// </summary>
    public static PathMatch? Of(GrpcMethodMatch? method, SourceLocation origin)
    {
        if (method is null || (method.Service is null && method.Method is null)) return null;
        if (method.Kind == StringMatchKind.Regex)
        {
            return new PathMatch(PathMatchKind.Regex, $"/{method.Service ?? ".+"}/{method.Method ?? ".+"}", origin);
        }
        return (method.Service, method.Method) switch
        {
            ({ } service, { } name) => new PathMatch(PathMatchKind.Exact, $"/{service}/{name}", origin),
            ({ } service, null) => new PathMatch(PathMatchKind.Prefix, $"/{service}/", origin),
            _ => new PathMatch(PathMatchKind.Regex, $"/.+/{method.Method}", origin),
        };
    }
}
