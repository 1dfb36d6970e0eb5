namespace Meshc.Compiler.BackEnds.Xds.Agent;

/// <summary>
/// Everything the agent completion produces, ready to be written: resources per xDS type, each list sorted by
/// name, plus the port of every listener and the Services redirected to them.
/// </summary>
internal sealed record XdsSnapshot(
    IReadOnlyList<AgentResource> Listeners,
    IReadOnlyList<AgentResource> Routes,
    IReadOnlyList<AgentResource> Clusters,
    IReadOnlyList<AgentResource> Endpoints,
    IReadOnlyList<AgentResource> Secrets,
    IReadOnlyList<ListenerPort> ListenerPorts,
    IReadOnlyList<ProxyRedirect> Redirects)
{
    /// <summary>All resources, listeners first, in the order the files list them.</summary>
    public IEnumerable<AgentResource> All => Listeners.Concat(Routes).Concat(Clusters).Concat(Endpoints).Concat(Secrets);
}
