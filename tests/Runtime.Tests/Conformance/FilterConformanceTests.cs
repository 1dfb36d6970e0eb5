using static Meshc.Runtime.Tests.Conformance.Gw;

namespace Meshc.Runtime.Tests.Conformance;

/// <summary>Upstream header modifier and URL rewrite tests: what the backend sees and what the client gets back.</summary>
public sealed class FilterConformanceTests
{
    private static async Task Run(string manifest, params Row[] rows)
    {
        await using var run = await ConformanceRun.StartAsync(manifest);
        await run.ExpectAllAsync(rows);
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public Task HTTPRouteRequestHeaderModifier() => Run("httproute-request-header-modifier", RequestHeaderRows);

    /// <summary>HTTPRouteBackendRequestHeaderModifier: the same edits written as filters on the backendRef instead of the rule.</summary>
    [SharedFact(ConformanceManifests.SharedFolder)]
    public Task HTTPRouteBackendRequestHeaderModifier() => Run("httproute-request-header-modifier-backend", RequestHeaderRows);

    internal static readonly Row[] RequestHeaderRows =
    [
        Row.To("/set", V1) with { Headers = [("Some-Other-Header", "val")], SeenHeaders = [("Some-Other-Header", "val"), ("X-Header-Set", "set-overwrites-values")] },
        Row.To("/set", V1) with
        {
            Headers = [("Some-Other-Header", "val"), ("X-Header-Set", "some-other-value")],
            SeenHeaders = [("Some-Other-Header", "val"), ("X-Header-Set", "set-overwrites-values")],
        },
        Row.To("/add", V1) with { Headers = [("Some-Other-Header", "val")], SeenHeaders = [("Some-Other-Header", "val"), ("X-Header-Add", "add-appends-values")] },
        Row.To("/add", V1) with
        {
            Headers = [("Some-Other-Header", "val"), ("X-Header-Add", "some-other-value")],
            SeenHeaders = [("Some-Other-Header", "val"), ("X-Header-Add", "some-other-value,add-appends-values")],
        },
        Row.To("/remove", V1) with { Headers = [("X-Header-Remove", "val")], SeenAbsent = ["X-Header-Remove"] },
        Row.To("/multiple", V1) with
        {
            Headers = [("X-Header-Set-2", "set-val-2"), ("X-Header-Add-2", "add-val-2"), ("X-Header-Remove-2", "remove-val-2"), ("Another-Header", "another-header-val")],
            SeenHeaders =
            [
                ("X-Header-Set-1", "header-set-1"), ("X-Header-Set-2", "header-set-2"), ("X-Header-Add-1", "header-add-1"),
                ("X-Header-Add-2", "add-val-2,header-add-2"), ("X-Header-Add-3", "header-add-3"), ("Another-Header", "another-header-val"),
            ],
            SeenAbsent = ["X-Header-Remove-1", "X-Header-Remove-2"],
        },
        // The filter names headers in canonical case, the request in lower case: names compare case-insensitively.
        Row.To("/case-insensitivity", V1) with
        {
            Headers = [("x-header-set", "original-val-set"), ("x-header-add", "original-val-add"), ("x-header-remove", "original-val-remove"), ("Another-Header", "another-header-val")],
            SeenHeaders = [("X-Header-Set", "header-set"), ("X-Header-Add", "original-val-add,header-add"), ("Another-Header", "another-header-val")],
            SeenAbsent = ["X-Header-Remove"],
        },
    ];

    [SharedFact(ConformanceManifests.SharedFolder)]
    public Task HTTPRouteResponseHeaderModifier() => Run("httproute-response-header-modifier",
        // BackendSets makes the echo backend answer with those headers, so the filter has something to overwrite or remove.
        Row.To("/set", V1) with { ResponseHeaders = [("X-Header-Set", "set-overwrites-values")] },
        Row.To("/set", V1) with { BackendSets = [("X-Header-Set", "some-other-value")], ResponseHeaders = [("X-Header-Set", "set-overwrites-values")] },
        Row.To("/add", V1) with { ResponseHeaders = [("X-Header-Add", "add-appends-values")] },
        Row.To("/add", V1) with { BackendSets = [("X-Header-Add", "some-other-value")], ResponseHeaders = [("X-Header-Add", "some-other-value,add-appends-values")] },
        Row.To("/remove", V1) with { BackendSets = [("X-Header-Remove", "val")], ResponseAbsent = ["X-Header-Remove"] },
        Row.To("/multiple", V1) with
        {
            BackendSets = [("X-Header-Set-2", "set-val-2"), ("X-Header-Add-2", "add-val-2"), ("X-Header-Remove-2", "remove-val-2")],
            ResponseHeaders =
            [
                ("X-Header-Set-1", "header-set-1"), ("X-Header-Set-2", "header-set-2"), ("X-Header-Add-1", "header-add-1"),
                ("X-Header-Add-2", "add-val-2,header-add-2"), ("X-Header-Add-3", "header-add-3"),
            ],
            ResponseAbsent = ["X-Header-Remove-1", "X-Header-Remove-2"],
        },
        Row.To("/case-insensitivity", V1) with
        {
            BackendSets = [("x-header-set", "original-val-set"), ("x-header-add", "original-val-add"), ("x-header-remove", "original-val-remove")],
            ResponseHeaders =
            [
                ("X-Header-Set", "header-set"), ("X-Header-Add", "original-val-add,header-add"), ("x-lowercase-add", "lowercase-add"),
                ("x-mixedcase-add-1", "mixedcase-add-1"), ("x-mixedcase-add-2", "mixedcase-add-2"), ("x-uppercase-add", "uppercase-add"),
            ],
            ResponseAbsent = ["X-Header-Remove"],
        },
        Row.To("/response-and-request-header-modifiers", V1) with
        {
            Headers = [("X-Header-Remove", "remove-val"), ("X-Header-Add-Append", "append-val-1")],
            BackendSets = [("X-Header-Set-2", "set-val-2"), ("X-Header-Add-2", "add-val-2"), ("X-Header-Remove-2", "remove-val-2")],
            SeenHeaders = [("X-Header-Set", "set-overwrites-values"), ("X-Header-Add", "header-val-1"), ("X-Header-Add-Append", "append-val-1,header-val-2")],
            SeenAbsent = ["X-Header-Remove"],
            ResponseHeaders = [("X-Header-Set-1", "header-set-1"), ("X-Header-Set-2", "header-set-2"), ("X-Header-Add-1", "header-add-1"), ("X-Header-Add-2", "add-val-2,header-add-2")],
            ResponseAbsent = ["X-Header-Remove-1", "X-Header-Remove-2"],
        });

    [SharedFact(ConformanceManifests.SharedFolder)]
    public Task HTTPRouteRewriteHost() => Run("httproute-rewrite-host",
        Row.To("/one", V1) with { Host = "rewrite.example", SeenHost = "one.example.org" },
        Row.To("/two", V2) with { Host = "rewrite.example", SeenHost = "example.org" },
        Row.To("/rewrite-host-and-modify-headers", V2) with
        {
            Host = "rewrite.example",
            Headers = [("X-Header-Remove", "remove-val"), ("X-Header-Add-Append", "append-val-1")],
            SeenHost = "test.example.org",
            SeenHeaders = [("X-Header-Add", "header-val-1"), ("X-Header-Add-Append", "append-val-1,header-val-2"), ("X-Header-Set", "set-overwrites-values")],
            SeenAbsent = ["X-Header-Remove"],
        });

    [SharedFact(ConformanceManifests.SharedFolder)]
    public Task HTTPRouteRewritePath() => Run("httproute-rewrite-path",
        Row.To("/prefix/one/two", V1) with { SeenPath = "/one/two" },
        Row.To("/full/one/two", V1) with { SeenPath = "/one" },
        Row.To("/full/rewrite-path-and-modify-headers/test", V1) with
        {
            Headers = [("X-Header-Remove", "remove-val"), ("X-Header-Add-Append", "append-val-1"), ("X-Header-Set", "set-val")],
            SeenPath = "/test",
            SeenHeaders = [("X-Header-Add", "header-val-1"), ("X-Header-Add-Append", "append-val-1,header-val-2"), ("X-Header-Set", "set-overwrites-values")],
            SeenAbsent = ["X-Header-Remove"],
        },
        Row.To("/prefix/rewrite-path-and-modify-headers/one", V1) with
        {
            Headers = [("X-Header-Remove", "remove-val"), ("X-Header-Add-Append", "append-val-1"), ("X-Header-Set", "set-val")],
            SeenPath = "/prefix/one",
            SeenHeaders = [("X-Header-Add", "header-val-1"), ("X-Header-Add-Append", "append-val-1,header-val-2"), ("X-Header-Set", "set-overwrites-values")],
            SeenAbsent = ["X-Header-Remove"],
        });
}
