using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Meshc.EnvoyApi.Validation;
using Meshc.Runtime.Model;
using Meshc.Runtime.Routing;
using Meshc.Runtime.Tests.Support;

namespace Meshc.Runtime.Tests.Loading;

/// <summary>
/// The connection manager settings the request edge and the path handling follow, as a bundle carries them: unset on
/// Cilium's Gateway listeners (Envoy's defaults), and whatever a CiliumEnvoyConfig's HCM says.
/// </summary>
public sealed class ListenerEdgeSettingsTests
{
    [Fact]
    public void GatewayListeners_HaveEnvoysDefaults()
    {
        var snapshot = RuntimeHarness.Compile("gateway-echo");
        Assert.All(snapshot.Listeners, l =>
        {
            Assert.Equal(PathSettings.EnvoyDefault, l.Hcm.Paths);
            Assert.Equal(EdgeSettings.EnvoyDefault, l.Hcm.Edge);
        });
    }

    [Theory]
    [InlineData(1u, true)]
    [InlineData(8192u, true)]
    [InlineData(8193u, false)]  // Envoy's own bound: such a listener is refused before the request edge could see it
    [InlineData(0u, false)]
    public void MaxRequestHeadersKb_HasEnvoysBounds(uint kb, bool valid)
    {
        var hcm = new HttpConnectionManager { StatPrefix = "l", MaxRequestHeadersKb = kb };
        var violations = PgvValidator.Validate(hcm).Where(v => v.FieldPath.Contains("max_request_headers_kb", StringComparison.Ordinal));
        Assert.Equal(valid, !violations.Any());
    }

    [Fact]
    public void DslServiceRoute_PathsReachItsListenerAndOnlyIts()
    {
        // Two service routes, one with `paths normalize merge-slashes escaped-slashes unescape-and-redirect`.
        var input = Path.Combine(RuntimeHarness.RepoRoot, "tests", "golden", "cases", "dsl", "constructs", "service-route-paths", "input.dsl");
        var folder = Path.Combine(Path.GetTempPath(), "meshc-edge-settings", Guid.NewGuid().ToString("N"));
        try
        {
            var snapshot = RuntimeHarness.CompileInputs(folder, [input]);
            var paths = snapshot.Listeners.ToDictionary(l => l.Name[(l.Name.LastIndexOf('/') + 1)..], l => l.Hcm.Paths);
            Assert.Equal(new PathSettings(true, true, EscapedSlashesAction.UnescapeAndRedirect), paths["files-listener"]);
            Assert.Equal(PathSettings.EnvoyDefault, paths["plain-listener"]);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void CiliumEnvoyConfig_SettingsReachTheListener()
    {
        // The CiliumEnvoyConfig's HCM, indented as in the example (16 spaces).
        string[] hcmLines =
        [
            "stat_prefix: bookstore-listener",
            "normalize_path: true",
            "merge_slashes: true",
            "path_with_escaped_slashes_action: UNESCAPE_AND_REDIRECT",
            "max_request_headers_kb: 8",
            "http_protocol_options:",
            "  accept_http_10: true",
            "  default_host_for_http_10: bookstore.local",
            "  allow_absolute_url: false",
            "  allow_chunked_length: true",
            "common_http_protocol_options:",
            "  max_headers_count: 50",
            "  headers_with_underscores_action: REJECT_REQUEST",
        ];
        var hcm = string.Concat(hcmLines.Select(l => new string(' ', 16) + l + "\n"));
        var folder = Path.Combine(Path.GetTempPath(), "meshc-edge-settings", Guid.NewGuid().ToString("N"));
        var inputs = Path.Combine(folder, "in");
        Directory.CreateDirectory(inputs);
        try
        {
            foreach (var file in Directory.GetFiles(Path.Combine(RuntimeHarness.RepoRoot, "examples", "bookstore-canary")))
            {
                var text = File.ReadAllText(file);
                var prefix = "                stat_prefix: bookstore-listener\n";
                Assert.True(!text.Contains("kind: CiliumEnvoyConfig", StringComparison.Ordinal) || text.Contains(prefix, StringComparison.Ordinal));
                File.WriteAllText(Path.Combine(inputs, Path.GetFileName(file)), text.Replace(prefix, hcm, StringComparison.Ordinal));
            }
            var snapshot = RuntimeHarness.CompileInputs(Path.Combine(folder, "out"), [inputs]);
            var listener = Assert.Single(snapshot.Listeners);
            Assert.Equal(new PathSettings(true, true, EscapedSlashesAction.UnescapeAndRedirect), listener.Hcm.Paths);
            Assert.Equal(new EdgeSettings(8, 50, UnderscoreHeaders.RejectRequest, AcceptHttp10: true, "bookstore.local", AllowAbsoluteUrl: false, AllowChunkedLength: true),
                listener.Hcm.Edge);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
