using Meshc.Compiler.Ir;

namespace Meshc.Compiler.Passes;

/// <summary>
/// Reports, once per Service, a Service that has nothing behind it in the input — no EndpointSlice and no workload its
/// selector picks. When a bound route sends (or mirrors) to it, that is a warning: its Envoy cluster starts empty
/// until endpoints arrive. When nothing names it at all — no route (bound or not, as backend or as GAMMA parent) and
/// no CiliumEnvoyConfig — nothing depends on it yet, so it is only information.
/// </summary>
internal sealed class CheckServiceEndpoints : IPass
{
    public void Run(PassContext context)
    {
        var sliced = context.Model.EndpointSlices.Select(s => (s.Meta.Namespace, s.ServiceName)).ToHashSet();
        var used = context.Attachments.AllBound()
            .SelectMany(b => b.Attachment.Rules)
            .SelectMany(r => r.Backends.Select(b => b.Target).Concat(r.Mirrors.Select(m => m.Target)))
            .Select(t => (t.Namespace, t.Name))
            .ToHashSet();
        var named = Named(context.Model);
        foreach (var service in context.Model.Services)
        {
            var key = (service.Meta.Namespace, service.Meta.Name);
            // An ExternalName Service is a DNS alias: it never has endpoints.
            if (service.Type == "ExternalName" || sliced.Contains(key) || SelectsWorkload(context.Model, service)) continue;
            var name = $"{key.Namespace}/{key.Name}";
            if (used.Contains(key)) context.Diagnostics.ReportServiceHasNoEndpoints(service.Meta.Origin, name);
            else if (!named.Contains(key)) context.Diagnostics.ReportServiceNotRoutedWithoutEndpoints(service.Meta.Origin, name);
        }
    }

    /// <summary>
    /// Every Service a route (bound or not) or a CiliumEnvoyConfig names. A GAMMA route's parent Service counts too:
    /// the route is that Service's L7 routing, so "no route sends traffic to it" would be wrong about it.
    /// </summary>
    private static HashSet<(string Namespace, string Name)> Named(MeshModel model)
    {
        var named = new HashSet<(string, string)>();
        foreach (var route in model.Routes)
        foreach (var parent in route.ParentRefs.Where(p => p.IsService))
            named.Add((parent.Namespace ?? route.Meta.Namespace, parent.Name));
        foreach (var route in model.Routes)
        foreach (var rule in route.Rules)
        foreach (var backend in rule.Backends.Concat(rule.Filters.OfType<RequestMirrorFilter>().Select(m => m.Backend)))
            named.Add((backend.NamespaceOr(route.Meta.Namespace), backend.Name));
        foreach (var config in model.EnvoyConfigs)
        {
            foreach (var service in config.Services) named.Add((NamespaceOr(service.Namespace, config), service.Name));
            foreach (var service in config.BackendServices) named.Add((NamespaceOr(service.Namespace, config), service.Name));
        }
        return named;
    }

    private static string NamespaceOr(string written, EnvoyConfig config) => written.Length > 0 ? written : config.Meta.Namespace;

    private static bool SelectsWorkload(MeshModel model, Service service) =>
        !service.Selector.IsEmpty && model.Workloads.Any(w => w.Meta.Namespace == service.Meta.Namespace &&
            service.Selector.All(s => w.PodLabels.Any(l => l.Key == s.Key && l.Value == s.Value)));
}
