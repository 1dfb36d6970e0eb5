using Meshc.Compiler.Ir;

namespace Meshc.Compiler.Passes;

/// <summary>
/// Warns, once per Service, when a Service that a bound route sends to (or mirrors to) has nothing behind it in the
/// input — no EndpointSlice and no workload its selector picks: its Envoy cluster starts empty until endpoints arrive.
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
            .Distinct()
            .Order();
        foreach (var (ns, name) in used)
        {
            if (sliced.Contains((ns, name)) || context.Index.FindService(ns, name) is not { } service) continue;
            if (SelectsWorkload(context.Model, service)) continue;
            context.Diagnostics.ReportServiceHasNoEndpoints(service.Meta.Origin, $"{ns}/{name}");
        }
    }

    private static bool SelectsWorkload(MeshModel model, Service service) =>
        !service.Selector.IsEmpty && model.Workloads.Any(w => w.Meta.Namespace == service.Meta.Namespace &&
            service.Selector.All(s => w.PodLabels.Any(l => l.Key == s.Key && l.Value == s.Value)));
}
