using FsCheck;
using FsCheck.Fluent;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Tests.FrontEnds.Dsl;

/// <summary>FsCheck generators of route rules: matches, backends, filters, timeouts and retries the DSL spells.</summary>
internal static class RouteGenerators
{
    private static readonly SourceLocation At = new("gen", 1, 1);
    private static readonly Gen<string> Names = Gen.Elements("echo-1", "route", "5s", "a.b");
    private static readonly Gen<string> Values = Gen.Elements("v1", "", "with space", "^a.*$", "80");
    private static readonly Gen<TimeSpan> Duration = Gen.Choose(0, 99_999_999).Select(ms => TimeSpan.FromMilliseconds(ms));

    private static Gen<T?> Maybe<T>(Gen<T> gen) where T : class => Gen.OneOf(Gen.Constant<T?>(null), gen.Select(x => (T?)x));

    private static Gen<ValueList<T>> List<T>(Gen<T> gen, int min, int max) =>
        Gen.Choose(min, max).SelectMany(n => gen.ArrayOf(n)).Select(a => a.ToValueList());

    private static readonly Gen<KeyValueMatch> KeyMatch =
        from kind in Gen.Elements(StringMatchKind.Exact, StringMatchKind.Regex) from n in Gen.Elements("x-env", "debug", "with space") from v in Values
        select new KeyValueMatch(kind, n, v, At);

    private static readonly Gen<RouteMatch> HttpMatch =
        (from path in Maybe(from kind in Gen.Elements(PathMatchKind.Prefix, PathMatchKind.Exact, PathMatchKind.Regex)
                            from v in Gen.Elements("/", "/api", "/a b", "^/v[0-9]+") select new PathMatch(kind, v, At))
         from headers in List(KeyMatch, 0, 2) from query in List(KeyMatch, 0, 1) from method in Maybe(Gen.Elements("GET", "PATCH"))
         select new RouteMatch(path, headers, query, method, null, At))
        .Where(m => m.Path is not null || !m.Headers.IsEmpty || !m.QueryParams.IsEmpty || m.Method is not null);

    private static readonly Gen<RouteMatch> GrpcMatch =
        from kind in Gen.Elements(StringMatchKind.Exact, StringMatchKind.Regex)
        from service in Gen.Elements("helloworld.Greeter", "pkg.Svc")
        from method in Maybe(Gen.Elements("SayHello", "Get"))
        from headers in List(KeyMatch, 0, 1)
        select new RouteMatch(null, headers, ValueList<KeyValueMatch>.Empty, null, new GrpcMethodMatch(kind, service, method, At), At);

    private static readonly Gen<BackendRef> Backend =
        from ns in Maybe(Gen.Elements("other")) from name in Names
        from port in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(1, 65535).Select(p => (int?)p))
        from weight in Gen.Choose(0, 1_000_000)
        select new BackendRef("", "Service", ns, name, port, weight, ValueList<RouteFilter>.Empty, At);

    private static readonly Gen<PathModifier> Modifier =
        from kind in Gen.Elements(PathModifierKind.ReplaceFullPath, PathModifierKind.ReplacePrefixMatch) from v in Gen.Elements("/new", "/a b")
        select new PathModifier(kind, v, At);

    private static readonly Gen<HeaderValue> Header = from n in Gen.Elements("x-a", "with space") from v in Values select new HeaderValue(n, v, At);

    private static readonly Gen<RouteFilter> Filter = Gen.OneOf(
        (from d in Gen.Elements(HeaderDirection.Request, HeaderDirection.Response)
         from set in List(Header, 0, 2) from add in List(Header, 0, 1) from remove in List(Gen.Elements("server", "x-b"), 0, 2)
         select new HeaderModifierFilter(d, set, add, remove, At)).Where(h => h.Set.Count + h.Add.Count + h.Remove.Count > 0).Select(f => (RouteFilter)f),
        from scheme in Maybe(Gen.Elements("http", "https")) from host in Maybe(Gen.Elements("example.org"))
        from path in Maybe(Modifier) from port in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(1, 65535).Select(p => (int?)p))
        from status in Gen.Elements(301, 302, 303, 307, 308)
        select (RouteFilter)new RequestRedirectFilter(scheme, host, path, port, status, At),
        (from host in Maybe(Gen.Elements("internal.local")) from path in Maybe(Modifier) select new UrlRewriteFilter(host, path, At))
            .Where(u => u.Hostname is not null || u.Path is not null).Select(f => (RouteFilter)f),
        from b in Backend
        from share in Gen.OneOf(Gen.Choose(0, 100).Select(n => (n, 100)), from n in Gen.Choose(0, 50) from d in Gen.Choose(1, 1000) select (n, d))
        select (RouteFilter)new RequestMirrorFilter(b with { Weight = 1 }, share.Item1, share.Item2, At),
        from origins in List(Gen.Elements("https://www.foo.com", "https://*.bar.com", "*"), 0, 2)
        from methods in List(Gen.Elements("GET", "*"), 0, 1) from headers in List(Gen.Elements("x-a", "with space"), 0, 2)
        from expose in List(Gen.Elements("x-b"), 0, 1) from credentials in Gen.Elements(true, false) from maxAge in Gen.Elements(5, 1, 3600)
        select (RouteFilter)new CorsFilter(origins, credentials, methods, headers, expose, maxAge, At));

    public static Gen<RouteRule> Rule(RouteKind kind) =>
        from name in Maybe(Gen.Elements("api", "route"))
        from matches in List(kind == RouteKind.Grpc ? GrpcMatch : HttpMatch, 0, 2)
        from filters in List(Filter, 0, 2)
        from backends in List(Backend, 0, 3)
        from timeouts in Maybe((from r in Gen.OneOf(Gen.Constant<TimeSpan?>(null), Duration.Select(d => (TimeSpan?)d))
                                from b in Gen.OneOf(Gen.Constant<TimeSpan?>(null), Duration.Select(d => (TimeSpan?)d))
                                select new RouteTimeouts(r, b, At)).Where(t => t.Request is not null || t.BackendRequest is not null))
        from retry in Maybe(from codes in List(Gen.Choose(400, 599), 0, 2) from attempts in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(0, 10).Select(a => (int?)a))
                            from backoff in Gen.OneOf(Gen.Constant<TimeSpan?>(null), Duration.Select(d => (TimeSpan?)d))
                            select new RetryPolicy(codes, attempts, backoff, At))
        select new RouteRule(name, matches, filters, backends, timeouts, retry, At);
}
