using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.BackEnds.Bpf.Identities;

/// <summary>
/// Numbers label sets deterministically: the reserved identities, then every distinct workload label set (pod
/// template labels of Deployments and the like, and the selector of each Service whose pods the input does not
/// declare), sorted, from 256; then each CIDR, in address order, as <c>1&lt;&lt;24 | n</c> from n = 1. Endpoint
/// addresses take the identity of the pods their Service selects.
/// </summary>
public static class IdentityAllocator
{
    public static IdentityTable Allocate(MeshModel model, IEnumerable<string> cidrs)
    {
        var identities = ReservedIdentities.All
            .Select(r => new SecurityIdentity(r.Id, IdentityKind.Reserved, ValueList.Of(new Label(r.Name, ""))))
            .ToList();

        var workloadLabels = model.Workloads.ToDictionary(w => w.Key, w => WithNamespace(w.PodLabels, w.Meta.Namespace));
        var serviceLabels = new Dictionary<ObjectKey, ValueList<Label>>();
        foreach (var service in model.Services.Where(s => !s.Selector.IsEmpty))
        {
            var selected = SelectedWorkloads(model, service).FirstOrDefault();
            serviceLabels[service.Key] = selected is not null ? workloadLabels[selected.Key] : WithNamespace(service.Selector, service.Meta.Namespace);
        }

        var labelSets = workloadLabels.Values.Concat(serviceLabels.Values)
            .Select(Canonical).Distinct().OrderBy(s => s, StringComparer.Ordinal).ToList();
        var byLabels = new Dictionary<string, uint>();
        foreach (var (text, index) in labelSets.Select((t, i) => (t, i)))
            byLabels[text] = ReservedIdentities.FirstClusterLocal + (uint)index;
        foreach (var set in workloadLabels.Values.Concat(serviceLabels.Values).DistinctBy(Canonical).OrderBy(s => byLabels[Canonical(s)]))
            identities.Add(new SecurityIdentity(byLabels[Canonical(set)], IdentityKind.Workload, set));

        var cidrIds = new Dictionary<string, uint>();
        var normalized = cidrs.Select(c => CidrText.TryParse(c, out var net, out var bits) ? CidrText.Normalize(net, bits) : null)
            .OfType<string>().Distinct().Order(Comparer<string>.Create(CidrText.Compare)).ToList();
        foreach (var (cidr, index) in normalized.Select((c, i) => (c, i)))
        {
            var id = ReservedIdentities.LocalScope | (uint)(index + 1);
            cidrIds[cidr] = id;
            identities.Add(new SecurityIdentity(id, IdentityKind.Cidr, ValueList.Of(new Label(cidr, ""))));
        }

        var workloads = workloadLabels.ToDictionary(kv => kv.Key, kv => byLabels[Canonical(kv.Value)]);
        var addresses = new SortedDictionary<string, uint>(StringComparer.Ordinal);
        foreach (var slice in model.EndpointSlices)
        {
            var key = new ObjectKey(ObjectKind.Service, slice.Meta.Namespace, slice.ServiceName);
            if (!serviceLabels.TryGetValue(key, out var fallback)) continue;
            var service = model.Services.First(s => s.Key == key);
            foreach (var endpoint in slice.Endpoints)
            {
                // The pod's name starts with its workload's name; without one, the Service's first selected workload.
                var owner = SelectedWorkloads(model, service)
                    .FirstOrDefault(w => endpoint.TargetName?.StartsWith(w.Meta.Name + "-", StringComparison.Ordinal) == true);
                var id = owner is not null ? workloads[owner.Key] : byLabels[Canonical(fallback)];
                foreach (var address in endpoint.Addresses) addresses.TryAdd(address, id);
            }
        }
        return new IdentityTable(identities, workloads, addresses, cidrIds);
    }

    private static IEnumerable<Workload> SelectedWorkloads(MeshModel model, Service service) =>
        model.Workloads.Where(w => w.Meta.Namespace == service.Meta.Namespace &&
            service.Selector.All(s => w.PodLabels.Any(l => l.Key == s.Key && l.Value == s.Value)));

    private static ValueList<Label> WithNamespace(IEnumerable<Label> labels, string ns) =>
        labels.Where(l => l.Key != SecurityIdentity.NamespaceLabel)
            .Append(new Label(SecurityIdentity.NamespaceLabel, ns))
            .OrderBy(l => l.Key, StringComparer.Ordinal).ToValueList();

    private static string Canonical(ValueList<Label> labels) => string.Join(",", labels.Select(l => $"{l.Key}={l.Value}"));
}
