using System.Text;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.FrontEnds.Dsl.Writing;

/// <summary>
/// Writes IR as DSL text in canonical layout: namespaces (default at the top level), gateways, services,
/// workloads, secrets, config maps, grants, backend TLS policies, routes and policies, after the declared gateway classes. It covers what the DSL spells directly; CiliumEnvoyConfigs,
/// EndpointSlices and GatewayClasses are not written. Reading the text back gives the same IR.
/// </summary>
public static class DslWriter
{
    public static string Write(MeshModel model)
    {
        var sb = new StringBuilder();
        foreach (var c in model.GatewayClasses.Where(c => !c.Meta.Origin.IsNone)) WriteParts.GatewayClass(sb, c);
        var namespaces = model.Gateways.Select(g => g.Meta.Namespace)
            .Concat(model.Services.Select(s => s.Meta.Namespace))
            .Concat(model.Workloads.Select(w => w.Meta.Namespace))
            .Concat(model.Routes.Select(r => r.Meta.Namespace))
            .Concat(model.Policies.Select(p => p.Meta.Namespace))
            .Concat(model.Secrets.Select(p => p.Meta.Namespace))
            .Concat(model.ReferenceGrants.Select(p => p.Meta.Namespace))
            .Concat(model.ConfigMaps.Select(c => c.Meta.Namespace))
            .Concat(model.BackendTlsPolicies.Select(p => p.Meta.Namespace))
            .Concat(model.Namespaces.Select(n => n.Meta.Name))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var ns in namespaces)
        {
            var declared = model.Namespaces.FirstOrDefault(n => n.Meta.Name == ns);
            var inBlock = ns != "default" || declared is not null;
            var depth = inBlock ? 1 : 0;
            if (inBlock) sb.Append("namespace ").Append(DslText.Word(ns)).Append(declared is null ? "" : WriteParts.Metadata(declared.Meta)).Append(" {\n");
            foreach (var g in model.Gateways.Where(x => x.Meta.Namespace == ns)) WriteParts.Gateway(sb, g, depth);
            foreach (var s in model.Services.Where(x => x.Meta.Namespace == ns)) WriteParts.Service(sb, s, depth);
            foreach (var w in model.Workloads.Where(x => x.Meta.Namespace == ns)) WriteParts.Workload(sb, w, depth);
            foreach (var s in model.Secrets.Where(x => x.Meta.Namespace == ns)) WriteParts.Secret(sb, s, depth);
            foreach (var c in model.ConfigMaps.Where(x => x.Meta.Namespace == ns)) WriteParts.ConfigMap(sb, c, depth);
            foreach (var g in model.ReferenceGrants.Where(x => x.Meta.Namespace == ns)) WriteParts.Grant(sb, g, depth);
            foreach (var p in model.BackendTlsPolicies.Where(x => x.Meta.Namespace == ns)) WriteParts.BackendTls(sb, p, depth);
            foreach (var r in model.Routes.Where(x => x.Meta.Namespace == ns)) RouteWriter.Route(sb, r, depth);
            foreach (var p in model.Policies.Where(x => x.Meta.Namespace == ns)) WriteParts.Policy(sb, p, depth);
            if (inBlock) sb.Append("}\n");
        }
        return sb.ToString();
    }
}
