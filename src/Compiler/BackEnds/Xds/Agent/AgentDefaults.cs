namespace Meshc.Compiler.BackEnds.Xds.Agent;

/// <summary>Values Cilium's agent fills into resources, with the agent flag each default comes from.</summary>
internal static class AgentDefaults
{
    /// <summary><c>--proxy-max-concurrent-retries</c> (default 128); Envoy's own default would be 3.</summary>
    public const uint MaxConcurrentRetries = 128;

    /// <summary><c>--proxy-cluster-max-connections</c> (default 1024).</summary>
    public const uint MaxConnections = 1024;

    /// <summary><c>--proxy-cluster-max-requests</c> (default 1024).</summary>
    public const uint MaxRequests = 1024;

    /// <summary>The local address a listener without one gets (the agent's TPROXY listener address, IPv4 only here).</summary>
    public const string LocalListenerAddress = "127.0.0.1";
}
