using System.Net;

namespace Meshc.Runtime.Proxy;

/// <summary>How the proxy binds: the address for every listener, the offset added to each listener port, the admin port.</summary>
public sealed record ProxyOptions(IPAddress Bind, int PortOffset, int? AdminPort)
{
    /// <summary>Bind every listener (and the admin port) to an ephemeral port instead; tests read the bound ports back.</summary>
    public bool EphemeralPorts { get; init; }

    /// <summary>Connections wait until the policy is loaded (<c>Holder.Policy.Load</c>), so none passes unchecked at start.</summary>
    public bool HoldUntilPolicyLoaded { get; init; }

    /// <summary>
    /// Bind each listener the bundle binds to Gateways or Services on their addresses and ports (<c>meshc run</c> without
    /// <c>--bind</c>); false binds every listener on <see cref="Bind"/> at its own port.
    /// </summary>
    public bool UseBindings { get; init; }

    /// <summary>
    /// What serves the admin port (<see cref="AdminPort"/>), made from the proxy's snapshot holder and stats: the admin
    /// API, a layer above the proxy (<c>AdminApi.Serve</c>). Without it the admin port answers 404 to everything.
    /// </summary>
    public Func<SnapshotHolder, ProxyStats, Microsoft.AspNetCore.Http.RequestDelegate>? Admin { get; init; }

    /// <summary>The client for HTTP/1.1 upstreams; <c>MESHC_UPSTREAM_CLIENT=yarp</c> in the environment picks the YARP path.</summary>
    public UpstreamClient UpstreamClient { get; init; } =
        string.Equals(Environment.GetEnvironmentVariable("MESHC_UPSTREAM_CLIENT"), "yarp", StringComparison.OrdinalIgnoreCase) ? UpstreamClient.Yarp : UpstreamClient.Native;
}

/// <summary>Which client sends HTTP/1.1 attempts upstream.</summary>
public enum UpstreamClient
{
    /// <summary>The proxy's own HTTP/1.1 client (<see cref="Http1Forwarder"/>); HTTP/2, upgrades, CONNECT and <c>Expect</c> still go through YARP.</summary>
    Native,

    /// <summary>Everything through YARP and SocketsHttpHandler (<c>MESHC_UPSTREAM_CLIENT=yarp</c>), the path before the native client, kept for comparison.</summary>
    Yarp,
}
