using static Meshc.Runtime.Tests.Conformance.Gw;

namespace Meshc.Runtime.Tests.Conformance;

/// <summary>
/// HTTPRouteCORS: the suite's preflights are answered by the proxy (no backend sees them) with the allow headers, and
/// actual requests from an allowed origin reach the backend and come back with the allow-origin header. The rows restate
/// the upstream cases in their order, with the statuses and alternative values the suite accepts.
/// </summary>
public sealed class CorsConformanceTests
{
    private static readonly (string, string)[] PreflightGet =
        [("Origin", "https://www.foo.com"), ("access-control-request-method", "GET"), ("access-control-request-headers", "x-header-1, x-header-2")];

    private static Row Preflight(string path, params (string, string)[] headers) =>
        Row.Answer(path, 200) with { Method = "OPTIONS", Headers = headers, AnsweredByProxy = true, IgnoreWhitespace = true };

    private static readonly (string, string[])[] Cors1Allowed =
    [
        ("access-control-allow-methods", ["GET, OPTIONS", "OPTIONS, GET"]),
        ("access-control-allow-headers", ["x-header-1, x-header-2", "x-header-2, x-header-1"]),
        ("access-control-expose-headers", ["x-header-3, x-header-4", "x-header-4, x-header-3"]),
        ("access-control-max-age", ["3600"]),
        ("access-control-allow-credentials", ["true"]),
    ];

    private static Row Cors1Preflight(string origin) => Preflight("/cors-1",
        ("Origin", origin), ("access-control-request-method", "GET"), ("access-control-request-headers", "x-header-1, x-header-2")) with
    {
        OtherStatuses = [204],
        ResponseOneOf = [("access-control-allow-origin", [origin]), .. Cors1Allowed],
    };

    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task HTTPRouteCORS()
    {
        await using var run = await ConformanceRun.StartAsync("httproute-cors");
        await run.ExpectAllAsync([
            Cors1Preflight("https://www.foo.com"),
            Cors1Preflight("https://www.bar.com"),
            Cors1Preflight("https://xpto.www.bar.com"),
            Preflight("/cors-1", ("Origin", "https://foobar.com"), ("access-control-request-method", "GET")) with
            {
                OtherStatuses = [204, 403],
                ResponseAbsent = ["access-control-allow-origin"],
            },
            Row.To("/cors-1", V1) with { Headers = PreflightGet, OtherStatuses = [204], ResponseHeaders = [("access-control-allow-origin", "https://www.foo.com")] },
            Row.To("/cors-1", V1) with
            {
                Headers = [("Origin", "https://www.bar.com"), ("access-control-request-method", "GET"), ("access-control-request-headers", "x-header-1, x-header-2")],
                OtherStatuses = [204],
                ResponseHeaders = [("access-control-allow-origin", "https://www.bar.com")],
            },
            Row.To("/cors-1", V1) with
            {
                Headers = [("Origin", "https://foobar.com"), ("access-control-request-method", "GET")],
                ResponseAbsent = ["access-control-allow-origin"],
            },
            Preflight("/cors-2", ("Origin", "https://www.foo.com"), ("access-control-request-method", "POST")) with
            {
                OtherStatuses = [204],
                ResponseOneOf = [("access-control-allow-methods", ["POST", "*"])],
                ResponseHeaders = [("access-control-allow-origin", "https://www.foo.com")],
                ResponseAbsent = ["access-control-allow-credentials"],
            },
            Preflight("/cors-wildcard-origin", ("Origin", "https://foobar.com"), ("access-control-request-method", "PUT")) with
            {
                OtherStatuses = [204],
                ResponseOneOf = [("access-control-allow-origin", ["https://foobar.com", "*"]), ("access-control-allow-methods", ["PUT"])],
                ResponseAbsent = ["access-control-allow-credentials"],
            },
            Preflight("/cors-wildcard-origin", ("Origin", "https://foobar.com:12345"), ("access-control-request-method", "PUT")) with
            {
                OtherStatuses = [204],
                ResponseOneOf = [("access-control-allow-origin", ["https://foobar.com:12345", "*"]), ("access-control-allow-methods", ["PUT"])],
                ResponseAbsent = ["access-control-allow-credentials"],
            },
            Row.To("/cors-wildcard-origin", V1) with
            {
                Method = "PUT",
                Headers = [("Origin", "https://foobar.com:12345")],
                ResponseOneOf = [("access-control-allow-origin", ["https://foobar.com:12345", "*"])],
            },
            Row.To("/cors-wildcard-origin", V1) with
            {
                Method = "PUT",
                Headers = [("Origin", "https://foobar.com")],
                OtherStatuses = [204],
                ResponseOneOf = [("access-control-allow-origin", ["https://foobar.com", "*"])],
                ResponseAbsent = ["access-control-allow-credentials"],
            },
            Preflight("/cors-wildcard-methods-headers", ("Origin", "https://other.foo.com"), ("access-control-request-method", "PUT"),
                ("access-control-request-headers", "x-header-1, x-header-2")) with
            {
                ResponseOneOf =
                [
                    ("access-control-allow-origin", ["https://other.foo.com"]), ("access-control-allow-methods", ["PUT"]),
                    ("access-control-allow-headers", ["x-header-1, x-header-2", "x-header-2, x-header-1"]),
                    ("access-control-allow-credentials", ["true"]),
                ],
            },
            Preflight("/cors-wildcard-methods-headers-unauth", ("Origin", "https://other.foo.com"), ("access-control-request-method", "PUT"),
                ("access-control-request-headers", "x-header-1, x-header-2")) with
            {
                ResponseOneOf =
                [
                    ("access-control-allow-origin", ["https://other.foo.com", "*"]), ("access-control-allow-methods", ["PUT", "*"]),
                    ("access-control-allow-headers", ["x-header-1, x-header-2", "x-header-2, x-header-1", "*"]),
                ],
                ResponseAbsent = ["access-control-allow-credentials"],
            },
            Row.To("/cors-wildcard-methods-headers", V1) with
            {
                Headers = [("Origin", "https://other.foo.com"), ("Authorization", "Bearer test")],
                ResponseOneOf = [("access-control-allow-origin", ["https://other.foo.com"]), ("access-control-allow-credentials", ["true"])],
            },
            Row.To("/cors-wildcard-methods-headers-unauth", V1) with
            {
                Headers = [("Origin", "https://other.foo.com"), ("Authorization", "Bearer test")],
                ResponseOneOf = [("access-control-allow-origin", ["https://other.foo.com"])],
                ResponseAbsent = ["access-control-allow-credentials"],
            },
        ]);
        // The status the suite checks first: every route Accepted with its references resolved.
        foreach (var route in new[] { "cors-multiple-origins-methods-headers", "cors-wildcard-methods", "cors-wildcard-origin", "cors-wildcard-methods-headers" })
        {
            StatusAssert.RouteParent(run.Status, route, "Accepted", true, "Accepted");
            StatusAssert.RouteParent(run.Status, route, "ResolvedRefs", true, "ResolvedRefs");
        }
    }
}
