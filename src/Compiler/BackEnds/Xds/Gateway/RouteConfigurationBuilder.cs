using Envoy.Config.Route.V3;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.BackEnds.Xds.Gateway;

/// <summary>Builds <c>listener-insecure</c> and <c>listener-secure</c>, the route tables the two kinds of filter chain use.</summary>
internal static class RouteConfigurationBuilder
{
    /// <summary>
    /// One route configuration per kind of listener the Gateway has, insecure first. A kind with listeners but no
    /// routes still gets an (empty) configuration, so its HCM's RDS name resolves and requests get 404.
    /// </summary>
    public static IEnumerable<RouteConfiguration> Build(ProxyPlan plan)
    {
        if (plan.HasInsecure) yield return Build(ListenerBuilder.InsecureName, plan, ListenerProtocol.HTTP, defaultPort: 80);
        if (plan.HasSecure) yield return Build(ListenerBuilder.SecureName, plan, ListenerProtocol.HTTPS, defaultPort: 443);
    }

    /// <summary>
    /// Cilium's virtual hosts (<c>host</c> and <c>host:*</c>) when the kind's listeners share one port. One Envoy
    /// listener serves all of a Gateway's ports, so when they differ only the port in <c>:authority</c> can keep a
    /// route attached to one port (by <c>parentRef.port</c> or <c>sectionName</c>) from answering on another.
    /// </summary>
    private static RouteConfiguration Build(string name, ProxyPlan plan, ListenerProtocol protocol, int defaultPort)
    {
        var sources = plan.Sources.Where(s => s.Listener.Listener.Protocol == protocol);
        var ports = plan.Listeners.Where(l => l.Listener.Protocol == protocol).Select(l => l.Listener.Port).Distinct().Count();
        var configuration = new RouteConfiguration { Name = name };
        configuration.VirtualHosts.Add(ports > 1 ? VirtualHostGrouping.BuildPerPort(sources, defaultPort) : VirtualHostGrouping.Build(sources));
        return configuration;
    }
}
