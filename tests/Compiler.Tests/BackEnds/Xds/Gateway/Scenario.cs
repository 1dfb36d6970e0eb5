using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Tests.BackEnds.Xds.Gateway;

/// <summary>
/// Reads scenario YAML through the real front end and binds one Gateway the simple way the scenarios need (every
/// listener valid, routes attached by name and sectionName, backends resolved to existing Service ports), so the
/// translator is tested on the IR the front end really produces, independently of the passes.
/// </summary>
internal static class Scenario
{
    /// <summary>The scenarios' folder under ../shared.</summary>
    public const string SharedFolder = "scenarios";

    public static string Root => SharedMaterial.Path(SharedFolder);

    public static MeshModel Read(params string[] files) =>
        Compilation.Create(files.Select(f => new SourceText(f, File.ReadAllText(f)))).Model;

    public static BoundMesh Bind(MeshModel model, string gatewayName)
    {
        var gateway = model.Gateways.Single(g => g.Meta.Name == gatewayName);
        var listeners = gateway.Listeners.Select(l => new ListenerBinding(l, true, Attachments(model, gateway, l))).ToValueList();
        return new BoundMesh(model, ValueList.Of(new GatewayBinding(gateway, listeners)), ValueList<EnvoyConfig>.Empty);
    }

    private static ValueList<RouteAttachment> Attachments(MeshModel model, Ir.Gateway gateway, Listener listener) =>
        (from route in model.Routes
         from parent in route.ParentRefs
         where parent.Name == gateway.Meta.Name && (parent.SectionName is null || parent.SectionName == listener.Name)
         select new RouteAttachment(route, parent, route.Hostnames, route.Rules.Select((r, i) => BindRule(model, route, r, i)).ToValueList()))
        .ToValueList();

    private static BoundRule BindRule(MeshModel model, Ir.Route route, RouteRule rule, int index)
    {
        var backends = rule.Backends
            .Select(b => (Ref: b, Target: Resolve(model, b, route.Meta.Namespace)))
            .Where(b => b.Target is not null)
            .Select(b => new BoundBackend(b.Ref, b.Target!, b.Ref.Weight))
            .ToValueList();
        var mirrors = rule.Filters.OfType<RequestMirrorFilter>()
            .Select(m => (Filter: m, Target: Resolve(model, m.Backend, route.Meta.Namespace)))
            .Where(m => m.Target is not null)
            .Select(m => new BoundMirror(m.Filter, m.Target!))
            .ToValueList();
        var answersError = backends.IsEmpty && !rule.Filters.OfType<RequestRedirectFilter>().Any();
        return new BoundRule(rule, index, backends, mirrors, answersError);
    }

    private static ServiceTarget? Resolve(MeshModel model, BackendRef backend, string routeNamespace)
    {
        var ns = backend.NamespaceOr(routeNamespace);
        var service = model.Services.FirstOrDefault(s => s.Meta.Namespace == ns && s.Meta.Name == backend.Name);
        var port = backend.Port is { } p ? service?.FindPort(p) : null;
        return port is null ? null : new ServiceTarget(ns, backend.Name, port.Port, port.AppProtocol);
    }
}
