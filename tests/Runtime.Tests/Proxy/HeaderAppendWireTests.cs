using System.Net;
using Meshc.Runtime.Model;
using Meshc.Runtime.Proxy;
using Meshc.Runtime.Tests.Support;

namespace Meshc.Runtime.Tests.Proxy;

/// <summary>
/// APPEND_IF_EXISTS_OR_ADD on the wire: the appended value is a second header entry, as Envoy sends it. The own HTTP/1.1
/// client writes two lines; SocketsHttpHandler (the YARP path) can write only one field, so it gets "a,b", what a server
/// reads from the two lines. Response headers reach the client as two lines on both paths.
/// </summary>
public sealed class HeaderAppendWireTests
{
    private const string Hosts = """
        [{"name":"vh","domains":["*"],"routes":[{"match":{"prefix":"/"},"route":{"cluster":"up"},
          "requestHeadersToAdd":[{"header":{"key":"x-add","value":"b"},"appendAction":"APPEND_IF_EXISTS_OR_ADD"}],
          "responseHeadersToAdd":[{"header":{"key":"x-back","value":"d"},"appendAction":"APPEND_IF_EXISTS_OR_ADD"}]}]}]
        """;

    [Theory]
    [InlineData(UpstreamClient.Native, "x-add: a\r\nx-add: b\r\n")]
    [InlineData(UpstreamClient.Yarp, "x-add: a,b\r\n")]
    public async Task AppendedRequestHeader_ReachesTheBackendAsItsOwnEntry(UpstreamClient kind, string expectedLines)
    {
        string? seen = null;
        await using var backend = ScriptedBackend.Start(async c =>
        {
            seen = await c.ReadRequest();
            if (seen is null) return;
            await c.Write("HTTP/1.1 200 OK\r\nX-Back: c\r\nContent-Length: 2\r\n\r\nok");
        });
        await using var proxy = await ProxyHost.StartAsync(HandBuilt.Snapshot(Hosts, ("up", backend.Port, UpstreamProtocol.Http1)),
            new ProxyOptions(IPAddress.Loopback, 0, AdminPort: 0) { EphemeralPorts = true, UpstreamClient = kind });
        using var client = RuntimeHarness.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{proxy.ListenerPorts[HandBuilt.Listener]}/");
        request.Headers.TryAddWithoutValidation("x-add", "a");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expectedLines, seen!.Replace("X-Add", "x-add", StringComparison.OrdinalIgnoreCase), StringComparison.Ordinal);
        Assert.Equal(["c", "d"], response.Headers.GetValues("x-back"));
    }
}
