using Envoy.Config.Route.V3;
using Meshc.Compiler.Text;

namespace Meshc.Runtime.RouteTests;

/// <summary>
/// A route test file in the schema of Envoy's <c>router_check_tool</c> (<c>tests[]</c> of <c>test_name</c>, <c>input</c>,
/// <c>validate</c>), plus meshc's choice of route table: <see cref="Target"/> applies to every test that names none.
/// </summary>
public sealed record RouteTestFile(string Path, RouteTargetRef? Target, IReadOnlyList<RouteTestCase> Tests);

/// <summary>One test: its name, where it starts in the file, the request and the checks on what the router did.</summary>
public sealed record RouteTestCase(string Name, SourceLocation At, RouteTestInput Input, IReadOnlyList<RouteCheck> Checks);

/// <summary>
/// The request of a test. <see cref="Ssl"/> sets <c>x-forwarded-proto</c> and the scheme to https, <see cref="Internal"/>
/// adds <c>x-envoy-internal: true</c>; <see cref="RandomValue"/> picks among weighted clusters (<c>random_value % total</c>).
/// </summary>
public sealed record RouteTestInput(
    string Authority,
    string Path,
    string Method,
    ulong RandomValue,
    bool Ssl,
    bool Internal,
    IReadOnlyList<KeyValuePair<string, string>> RequestHeaders,
    IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders,
    RouteTargetRef? Target);

/// <summary>How a test names the route table it routes through.</summary>
public enum RouteTargetKind
{
    /// <summary>A Gateway (<c>namespace/name</c>): the listener it is bound to.</summary>
    Gateway,

    /// <summary>A Service a route or CiliumEnvoyConfig claims (<c>namespace/name</c>): the listener it is redirected to.</summary>
    Service,

    /// <summary>An Envoy listener by name.</summary>
    Listener,

    /// <summary>A RouteConfiguration by name.</summary>
    RouteConfig,
}

/// <summary>A named route table (<c>gateway: default/my-gateway</c>) and where the file says it.</summary>
public sealed record RouteTargetRef(RouteTargetKind Kind, string Name, SourceLocation At)
{
    /// <summary>The field name in the test file.</summary>
    public string Field => Kind switch
    {
        RouteTargetKind.Gateway => "gateway",
        RouteTargetKind.Service => "service",
        RouteTargetKind.Listener => "listener",
        RouteTargetKind.RouteConfig => "route_config",
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "unknown route target kind"),
    };
}

/// <summary>The router_check_tool checks that compare one value (its <c>test type</c>).</summary>
public enum RouteValueKind
{
    ClusterName,
    VirtualClusterName,
    VirtualHostName,
    HostRewrite,
    PathRewrite,
    PathRedirect,
    CodeRedirect,
}

/// <summary>Which headers a header check reads: the request as it goes upstream, or the response as it goes back.</summary>
public enum HeaderSide
{
    Request,
    Response,
}

/// <summary>One check of a test's <c>validate</c>, with the position of its value for failure messages.</summary>
public abstract record RouteCheck(SourceLocation At)
{
    /// <summary>router_check_tool's name for the check, printed as <c>test type</c>.</summary>
    public abstract string TestType { get; }
}

/// <summary>A value check; <c>""</c> expects no value (no cluster, no redirect), <see cref="RouteValueKind.CodeRedirect"/> <c>0</c> none.</summary>
public sealed record ValueCheck(RouteValueKind Kind, string Expected, SourceLocation At) : RouteCheck(At)
{
    public override string TestType => FieldName(Kind);

    public static string FieldName(RouteValueKind kind) => kind switch
    {
        RouteValueKind.ClusterName => "cluster_name",
        RouteValueKind.VirtualClusterName => "virtual_cluster_name",
        RouteValueKind.VirtualHostName => "virtual_host_name",
        RouteValueKind.HostRewrite => "host_rewrite",
        RouteValueKind.PathRewrite => "path_rewrite",
        RouteValueKind.PathRedirect => "path_redirect",
        RouteValueKind.CodeRedirect => "code_redirect",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown route check"),
    };
}

/// <summary>A <c>request_header_matches</c> or <c>response_header_matches</c> entry: an Envoy HeaderMatcher.</summary>
public sealed record HeaderCheck(HeaderSide Side, HeaderMatcher Matcher, SourceLocation At) : RouteCheck(At)
{
    public override string TestType => Side == HeaderSide.Request ? "request_header_matches" : "response_header_matches";
}

/// <summary>The deprecated <c>request_header_fields</c> / <c>response_header_fields</c>: the header's value must equal <see cref="Value"/>.</summary>
public sealed record HeaderFieldCheck(HeaderSide Side, string Key, string Value, SourceLocation At) : RouteCheck(At)
{
    public override string TestType => Side == HeaderSide.Request ? "request_header_fields" : "response_header_fields";
}
