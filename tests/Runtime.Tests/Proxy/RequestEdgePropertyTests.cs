using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Meshc.Runtime.Model;
using Meshc.Runtime.Routing;
using Meshc.Runtime.Tests.Support;

namespace Meshc.Runtime.Tests.Proxy;

/// <summary>
/// Properties of the HTTP edge over raw sockets, with random requests held against what Envoy answers: paths (the
/// backend always gets the path the router matched, under every listener setting), framing (a malformed chunked body
/// is the client's 400, never an upstream failure), header limits (431 exactly past 100 lines or 60 KiB of URL, names
/// and values) and the HTTP version (426 for HTTP/1.0). Each property runs a bounded number of cases.
/// </summary>
public sealed class RequestEdgePropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(80).WithQuietOnSuccess(true);

    private static readonly Gen<string> Segment = Gen.Elements(
        "echo", "other", "a", ".", "..", "%2e", "%2E%2e", ".%2e", "", "x%41", "%2Fecho", "%5C..", "echo%2F..", "%5cother", "..%2F");

    private static readonly Gen<string> Path =
        from segments in Gen.Choose(1, 6).SelectMany(n => Segment.ArrayOf(n))
        from query in Gen.Elements("", "?q=/../x", "?a=%2F//b")
        select "/" + string.Join('/', segments) + query;

    private static readonly PathSettings[] Settings =
    [
        PathSettings.EnvoyDefault,
        new(true, false, EscapedSlashesAction.KeepUnchanged),
        new(false, true, EscapedSlashesAction.UnescapeAndForward),
        new(true, true, EscapedSlashesAction.UnescapeAndRedirect),
        new(true, true, EscapedSlashesAction.RejectRequest),
    ];

    [Fact]
    public async Task Paths_TheBackendGetsThePathTheRouterMatched()
    {
        foreach (var settings in Settings)
        {
            await using var rig = await EdgeRig.StartAsync(h => h with { Paths = settings });
            Prop.ForAll(Arb.From(Path), path =>
            {
                rig.Received.Clear();
                var response = RawHttp.Send(rig.Port, $"GET {path} HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n").GetAwaiter().GetResult();
                var pathPart = path.Split('?')[0];
                try
                {
                    Holds(settings, path, pathPart, response, rig);
                }
                catch (Exception e) when (e is Xunit.Sdk.XunitException)
                {
                    throw new Xunit.Sdk.XunitException($"GET {path} under {settings}: {response.Status}, backend got {string.Join(", ", rig.Received)}: {e.Message}");
                }
            }).Check(PathRuns);
        }
    }

    // Five listener settings, each with its own proxy: fewer cases each keeps the property within a few seconds.
    private static readonly Config PathRuns = Config.QuickThrowOnFailure.WithMaxTest(50).WithQuietOnSuccess(true);

    private static void Holds(PathSettings settings, string path, string pathPart, RawResponse response, EdgeRig rig)
    {
                switch (response.Status)
                {
                    case 200:
                        var got = Assert.Single(rig.Received);
                        // The rule that matched is the rule the forwarded path matches (CVE-2019-9901).
                        Assert.Equal(got.Target.StartsWith("/echo", StringComparison.Ordinal) ? "echo" : "other", got.Backend);
                        Assert.Equal(path[pathPart.Length..], got.Target[got.Target.Split('?')[0].Length..]); // the query as sent
                        var gotPath = got.Target.Split('?')[0];
                        if (settings == PathSettings.EnvoyDefault) Assert.Equal(path, got.Target);
                        if (settings.NormalizePath)
                        {
                            Assert.DoesNotContain("/./", gotPath + "/", StringComparison.Ordinal);
                            Assert.DoesNotContain("/../", gotPath + "/", StringComparison.Ordinal);
                            Assert.Equal(gotPath, PathCanonicalizer.Canonicalize(gotPath));
                        }
                        // Envoy keeps a leading and a trailing slash, so a path of slashes only stays "//".
                        if (settings.MergeSlashes && gotPath.Trim('/').Length > 0) Assert.DoesNotContain("//", gotPath, StringComparison.Ordinal);
                        if (settings.EscapedSlashes != EscapedSlashesAction.KeepUnchanged)
                            Assert.Equal(gotPath, PathNormalizer.UnescapeSlashes(gotPath));
                        break;
                    case 307:
                        Assert.Equal(EscapedSlashesAction.UnescapeAndRedirect, settings.EscapedSlashes);
                        Assert.Empty(rig.Received);
                        // Following the redirect lands without another one.
                        var location = response.Header("location")!;
                        var followed = RawHttp.Send(rig.Port, $"GET {location} HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n").GetAwaiter().GetResult();
                        Assert.Equal(200, followed.Status);
                        break;
                    case 400:
                        // Only an escaped slash under REJECT_REQUEST refuses these paths.
                        Assert.Equal(EscapedSlashesAction.RejectRequest, settings.EscapedSlashes);
                        Assert.NotEqual(pathPart, PathNormalizer.UnescapeSlashes(pathPart));
                        Assert.Empty(rig.Received);
                        break;
                    default:
                        Assert.Fail("unexpected status");
                        break;
                }
    }

    /// <summary>
    /// A chunked body: chunks of data, and at most one corruption Envoy's codec refuses on sight (a body that is merely
    /// cut short is not one: both proxies then wait for the rest).
    /// </summary>
    private sealed record ChunkedBody(string[] Chunks, int Corruption, int At)
    {
        public string Data => string.Concat(Chunks);

        public string Wire()
        {
            var wire = new StringBuilder();
            for (var i = 0; i < Chunks.Length; i++)
            {
                var size = Chunks[i].Length.ToString("x", System.Globalization.CultureInfo.InvariantCulture);
                var (sizeText, dataEnd) = (Corruption, At == i) switch
                {
                    (1, true) => ("z" + size, "\r\n"),      // not a hex size
                    (2, true) => (size, "XX"),              // data not ended by CRLF
                    (3, true) => ("1" + new string('0', 16) + size, "\r\n"), // a size past 64 bits
                    _ => (size, "\r\n"),
                };
                wire.Append(sizeText).Append("\r\n").Append(Chunks[i]).Append(dataEnd);
            }
            return wire.Append(Corruption == 4 ? "0\r\nbroken trailer\r\n\r\n" : "0\r\n\r\n").ToString();
        }
    }

    private static readonly Gen<ChunkedBody> Bodies =
        from chunks in Gen.Choose(1, 4).SelectMany(n => Gen.Elements("a", "hello", "0123456789abcdef", new string('z', 300)).ArrayOf(n))
        from corruption in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 4)))
        from at in Gen.Choose(0, chunks.Length - 1)
        select new ChunkedBody(chunks, corruption, at);

    [Fact]
    public async Task Framing_AMalformedChunkedBodyIsTheClients400AndNeverTheUpstreams()
    {
        var outlier = new OutlierSettings(1, 100, 1, 100, 1, 100, SplitExternalLocalOriginErrors: false,
            TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(300), 100, AlwaysEjectOneHost: true);
        await using var rig = await EdgeRig.StartAsync(outlier: outlier);
        Prop.ForAll(Arb.From(Bodies), body =>
        {
            rig.Received.Clear();
            var response = RawHttp.Send(rig.Port, "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + body.Wire())
                .GetAwaiter().GetResult();
            if (body.Corruption == 0)
            {
                Assert.Equal(200, response.Status);
                Assert.Equal(body.Data, Assert.Single(rig.Received).Body);
            }
            else
            {
                Assert.Equal(400, response.Status);
                Assert.Empty(rig.Received);
            }
            // One upstream failure would eject the only host; none may be reported.
            Assert.Equal(0, rig.Stat("cluster.echo.outlier_detection.ejections_enforced_total"));
            Assert.Equal(0, rig.Stat("http.test.downstream_rq_5xx"));
        }).Check(Runs);
    }

    /// <summary>A request near the header limits: how many extra header lines, how long their values, how long the URL.</summary>
    private sealed record Sized(bool Http10, int Extra, int ValueLength, int UrlPad)
    {
        public string Url => "/echo/" + new string('u', UrlPad);

        public string Wire() => $"GET {Url} HTTP/1.{(Http10 ? 0 : 1)}\r\nHost: a\r\nConnection: close\r\n"
            + string.Concat(Enumerable.Range(0, Extra).Select(i => $"x-{i:D3}: {new string('v', ValueLength)}\r\n")) + "\r\n";

        /// <summary>Envoy's answer: the codec's limits first (every line counts; the URL and each name and value count against 60 KiB), then the version.</summary>
        public int Expected()
        {
            var lines = 2 + Extra;
            var bytes = Url.Length + ("Host".Length + 1) + ("Connection".Length + "close".Length) + Extra * (5 + ValueLength);
            if (lines > 100 || bytes > 60 * 1024) return 431;
            return Http10 ? 426 : 200;
        }
    }

    private static readonly Gen<Sized> SizedRequests =
        from http10 in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from extra in Gen.Choose(90, 102)
        from valueLength in Gen.Frequency((3, Gen.Choose(1, 20)), (2, Gen.Choose(590, 620)))
        from urlPad in Gen.Frequency((3, Gen.Choose(0, 100)), (1, Gen.Choose(0, 20_000)))
        select new Sized(http10, extra, valueLength, urlPad);

    [Fact]
    public async Task Limits_431ExactlyPastEnvoysCountAndSize_And426ForHttp10()
    {
        await using var rig = await EdgeRig.StartAsync();
        Prop.ForAll(Arb.From(SizedRequests), request =>
        {
            rig.Received.Clear();
            var response = RawHttp.Send(rig.Port, request.Wire()).GetAwaiter().GetResult();
            Assert.Equal(request.Expected(), response.Status);
            Assert.Equal(response.Status == 200 ? 1 : 0, rig.Received.Count);
        }).Check(Runs);
    }
}
