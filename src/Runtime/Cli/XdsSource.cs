using Meshc.Runtime.Xds;

namespace Meshc.Runtime.Cli;

/// <summary>
/// <c>--xds HOST:PORT --node NAME [--node-cluster SELECTOR]</c>: the ADS server a proxy is fed by, its node id, and the
/// cluster it reports (what the server selects its resources by; the node id when not given).
/// </summary>
public sealed record XdsSource(Uri Server, string NodeId, string NodeCluster)
{
    /// <summary>Checks the three values; <paramref name="inputCount"/> and <paramref name="compileOption"/> must be absent.</summary>
    public static (XdsSource? Source, string? Error) From(string? server, string? node, string? cluster, int inputCount, string? compileOption)
    {
        if (server is null) return (null, "--node and --node-cluster need --xds");
        if (AdsClient.ParseAddress(server) is not { } uri) return (null, $"--xds: '{server}' is not HOST:PORT");
        if (string.IsNullOrWhiteSpace(node)) return (null, "--xds needs --node NAME (the node id the server knows this proxy by)");
        if (inputCount > 0) return (null, "--xds takes no bundle or inputs: the configuration comes from the server");
        if (compileOption is not null) return (null, "--lb-pool and --service-cidr are compile options; with --xds the server compiles");
        return (new XdsSource(uri, node, string.IsNullOrWhiteSpace(cluster) ? node : cluster), null);
    }
}
