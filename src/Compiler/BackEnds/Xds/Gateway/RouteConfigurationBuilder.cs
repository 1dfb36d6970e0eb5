using Envoy.Config.Route.V3;

namespace Meshc.Compiler.BackEnds.Xds.Gateway;

/// <summary>Builds <c>listener-insecure</c> and <c>listener-secure</c>, the route tables the two kinds of filter chain use.</summary>
internal static class RouteConfigurationBuilder
{
    /// <summary>
    /// One route configuration per kind of listener the Gateway has, insecure first. A kind with listeners but no
    /// routes still gets an (empty) configuration, so its HCM's RDS name resolves and requests get 404.
    /// </summary>
    public static IEnumerable<RouteConfiguration> Build(GatewayPlan plan)
    {
        if (plan.HasInsecure) yield return Build(ListenerBuilder.InsecureName, plan.Sources.Where(s => !s.Secure));
        if (plan.HasSecure) yield return Build(ListenerBuilder.SecureName, plan.Sources.Where(s => s.Secure));
    }

    private static RouteConfiguration Build(string name, IEnumerable<RouteSource> sources)
    {
        var configuration = new RouteConfiguration { Name = name };
        configuration.VirtualHosts.Add(VirtualHostGrouping.Build(sources));
        return configuration;
    }
}
