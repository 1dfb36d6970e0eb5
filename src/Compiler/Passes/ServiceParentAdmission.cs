using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Passes;

/// <summary>
/// Binds a route to a Service parent (GAMMA), as Cilium's GAMMA reconciler does: the Service must exist (MC0280,
/// NoMatchingParent), be in the route's own namespace (a consumer route is refused as Cilium refuses it: MC0281,
/// NoMatchingParent), and the parentRef's port must be one of its ports (MC0282). Without a port the route serves
/// every TCP port whose appProtocol is <c>http</c>, Cilium's rule (none: MC0283, still Accepted as in Cilium). A route
/// with invalid values is refused, as on a Gateway. Each served port is bound like a listener named after its number,
/// with the route's hostnames as they are (Cilium's listener hostname is <c>*</c>).
/// </summary>
internal static class ServiceParentAdmission
{
    /// <summary>The reason the parentRef is not accepted, or null when it is (bound or not).</summary>
    public static Problem? Attach(PassContext context, RouteFacts facts, ParentRef parent)
    {
        var route = facts.Route;
        var diagnostics = context.Diagnostics;
        var ns = parent.Namespace ?? route.Meta.Namespace;
        var qualified = $"{ns}/{parent.Name}";
        if (context.Index.FindService(ns, parent.Name) is not { } service)
        {
            var hint = Spelling.DidYouMean(parent.Name, context.Index.ServiceNames(ns));
            return Refuse(diagnostics.ReportParentServiceNotFound(parent.Origin, qualified, hint));
        }
        if (ns != route.Meta.Namespace)
        {
            return Refuse(diagnostics.ReportConsumerRouteUnsupported(parent.Origin, route.KindName, route.Key.QualifiedName, qualified));
        }
        List<int> ports;
        if (parent.Port is { } port)
        {
            if (service.FindPort(port) is null)
            {
                var known = service.Ports.IsEmpty ? "it has no ports" : $"it has {string.Join(", ", service.Ports.Select(p => p.Port))}";
                return Refuse(diagnostics.ReportParentServicePortNotFound(parent.Origin, port, qualified, known));
            }
            ports = [port];
        }
        else
        {
            ports = HttpPorts(service);
            if (ports.Count == 0) diagnostics.ReportServiceParentNoHttpPorts(parent.Origin, qualified);
        }
        if (facts.Rejection is { } rejection) return rejection;
        var hostnames = HostnameMatching.ComputeHosts(route.Hostnames, null, []);
        var served = hostnames is [HostnameMatching.All] ? ValueList<string>.Empty : hostnames.ToValueList();
        foreach (var p in ports)
            context.Attachments.Bind(service.Key, ServicePortName(p), new RouteAttachment(route, parent, served, facts.Rules));
        return null;
    }

    /// <summary>The name a Service port is bound under in the attachment book: its number.</summary>
    public static string ServicePortName(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The ports Cilium redirects for a parentRef without a port: TCP ports with appProtocol <c>http</c>. (Cilium also
    /// lets UDP and SCTP ports through, which cannot carry HTTP; meshc leaves them out.)
    /// </summary>
    private static List<int> HttpPorts(Service service) =>
        [.. service.Ports.Where(p => p.Protocol == "TCP" && p.AppProtocol == "http").Select(p => p.Port).Distinct().Order()];

    private static Problem Refuse(Diagnostics.Diagnostic diagnostic) => new(ConditionReason.NoMatchingParent, diagnostic.Message);
}
