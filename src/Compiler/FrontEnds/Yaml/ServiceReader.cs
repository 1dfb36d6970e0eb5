using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.FrontEnds.Yaml;

/// <summary>Reads a Service: type, ports, selector, cluster IPs and any load-balancer ingress already in its status.</summary>
internal static class ServiceReader
{
    public static IMeshObject? Read(YamlObject obj, DiagnosticBag diagnostics)
    {
        if (MetaReader.Read(obj, diagnostics) is not { } meta) return null;
        var spec = obj.Root.Map("spec");
        var ports = spec.Maps("ports")
            .Where(p => p.Int("port") is not null)
            .Select(p => new ServicePort(p.Str("name"), p.Int("port")!.Value, p.Str("targetPort"), p.Str("protocol") ?? "TCP",
                p.Str("appProtocol"), p.LocationIn(obj.Path)))
            .ToValueList();
        var clusterIps = spec.Strings("clusterIPs").ToList();
        if (clusterIps.Count == 0 && spec.Str("clusterIP") is { } ip && ip != "None") clusterIps.Add(ip);
        var ingress = obj.Root.Map("status").Map("loadBalancer").Maps("ingress")
            .Select(i => i.Str("ip") ?? i.Str("hostname"))
            .OfType<string>()
            .ToValueList();
        return new Service(meta, spec.Str("type") ?? "ClusterIP", ports, spec.Labels("selector"), clusterIps, ingress);
    }
}
