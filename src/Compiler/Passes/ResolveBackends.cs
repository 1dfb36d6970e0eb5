using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Passes;

/// <summary>
/// Resolves every backendRef and RequestMirror backend of every route to a Service port, once per route (not per
/// listener). A ref that fails — not a core Service, no port, across namespaces without a ReferenceGrant, Service
/// or port missing — is reported, makes the route ResolvedRefs=False, and is left out of its rule. A rule left
/// with nothing to send to answers 500, as the Gateway API requires.
/// </summary>
internal sealed class ResolveBackends : IPass
{
    public void Run(PassContext context)
    {
        foreach (var facts in context.Routes.All)
            facts.Rules = facts.Route.Rules.Select((rule, index) => Bind(context, facts, rule, index)).ToValueList();
    }

    private static BoundRule Bind(PassContext context, RouteFacts facts, RouteRule rule, int index)
    {
        var backends = new List<BoundBackend>();
        long unresolved = 0;
        foreach (var backend in rule.Backends)
        {
            if (Resolve(context, facts, backend, mirror: false) is { } target) backends.Add(new BoundBackend(backend, target, backend.Weight));
            else unresolved += Math.Max(0, backend.Weight);
        }
        var mirrors = rule.Filters.OfType<RequestMirrorFilter>()
            .Select(m => Resolve(context, facts, m.Backend, mirror: true) is { } target ? new BoundMirror(m, target) : null)
            .OfType<BoundMirror>()
            .ToValueList();
        var redirects = rule.Filters.Any(f => f is RequestRedirectFilter);
        // A passthrough rule cannot answer 500: with no backend to connect to, its connections are closed.
        if (facts.Route.Kind == RouteKind.Tls && !backends.Any(b => b.Weight > 0)) context.Diagnostics.ReportTlsRuleHasNoBackends(rule.Origin);
        else if (rule.Backends.IsEmpty && !redirects) context.Diagnostics.ReportRuleHasNoBackends(rule.Origin);
        var internalError = !redirects && backends.Sum(b => Math.Max(0, b.Weight)) == 0;
        return new BoundRule(rule, index, backends.ToValueList(), mirrors, internalError) { UnresolvedWeight = unresolved };
    }

    private static ServiceTarget? Resolve(PassContext context, RouteFacts facts, BackendRef backend, bool mirror)
    {
        var route = facts.Route;
        var ns = backend.NamespaceOr(route.Meta.Namespace);
        var service = $"{ns}/{backend.Name}";
        var diagnostics = context.Diagnostics;
        if (!(backend.Kind == "Service" && backend.Group is "" or "core"))
        {
            var kind = backend.Group.Length == 0 ? backend.Kind : $"{backend.Group}/{backend.Kind}";
            return Fail(facts, ConditionReason.InvalidKind, diagnostics.ReportBackendInvalidKind(backend.Origin, backend.Name, kind));
        }
        if (backend.Port is not { } port)
            return Fail(facts, ConditionReason.InvalidKind, diagnostics.ReportBackendPortMissing(backend.Origin, service));
        if (!context.Grants.IsAllowed(RouteGroupKind.GatewayGroup, route.KindName, route.Meta.Namespace, "", "Service", ns, backend.Name))
            return Fail(facts, ConditionReason.RefNotPermitted,
                diagnostics.ReportBackendRefNotPermitted(backend.Origin, service, route.Meta.Namespace, ns));
        if (context.Index.FindService(ns, backend.Name) is not { } found)
        {
            var hint = Spelling.DidYouMean(backend.Name, context.Index.ServiceNames(ns));
            var missing = mirror
                ? diagnostics.ReportMirrorBackendNotFound(backend.Origin, service, hint)
                : diagnostics.ReportBackendNotFound(backend.Origin, service, hint);
            return Fail(facts, ConditionReason.BackendNotFound, missing);
        }
        if (found.FindPort(port) is not { } servicePort)
        {
            var ports = found.Ports.IsEmpty ? "it has no ports" : $"it has {string.Join(", ", found.Ports.Select(p => p.Port))}";
            return Fail(facts, ConditionReason.BackendNotFound, diagnostics.ReportBackendPortNotFound(backend.Origin, service, port, ports));
        }
        return new ServiceTarget(ns, backend.Name, port, servicePort.AppProtocol) { Tls = context.BackendTls.For(ns, backend.Name, servicePort.Name) };
    }

    private static ServiceTarget? Fail(RouteFacts facts, ConditionReason reason, Diagnostics.Diagnostic diagnostic)
    {
        facts.FailRefs(new Problem(reason, diagnostic.Message));
        return null;
    }
}
