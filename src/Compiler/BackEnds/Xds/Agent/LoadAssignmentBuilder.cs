using Envoy.Config.Endpoint.V3;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;
using Meshc.EnvoyApi;

namespace Meshc.Compiler.BackEnds.Xds.Agent;

/// <summary>
/// Builds the ClusterLoadAssignments Cilium's agent publishes for the Services CiliumEnvoyConfigs name in
/// <c>spec.services</c> and <c>spec.backendServices</c>: one per requested port, named <c>ns/name:&lt;port&gt;</c>
/// where the port is written as in the CEC (a number or a Service port name). A Service requested with no ports
/// gets all of them: <c>ns/name:&lt;number&gt;</c> per port, plus <c>ns/name:*</c> and the port-less
/// <c>ns/name</c>, the two names the agent publishes for "any port". Requested ports are the union over all CECs.
/// </summary>
internal static class LoadAssignmentBuilder
{
    private sealed class Request(SourceLocation origin)
    {
        public SortedSet<string> Ports { get; } = new(StringComparer.Ordinal);
        public bool AllPorts { get; set; }
        public SourceLocation Origin { get; } = origin;
    }

    /// <summary>The assignments for every Service the CECs reference, by Service then port.</summary>
    public static IReadOnlyList<AgentResource> Build(IEnumerable<CecModel> cecs, MeshModel model)
    {
        var requests = new SortedDictionary<string, (string Ns, string Name, Request Request)>(StringComparer.Ordinal);
        void Add(string ns, string name, IReadOnlyCollection<string> ports, SourceLocation origin)
        {
            var key = $"{ns}/{name}";
            if (!requests.TryGetValue(key, out var entry)) requests[key] = entry = (ns, name, new Request(origin));
            if (ports.Count == 0) entry.Request.AllPorts = true;
            entry.Request.Ports.UnionWith(ports);
        }
        foreach (var cec in cecs)
        {
            foreach (var s in cec.Services) Add(s.Namespace, s.Name, s.Ports.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(), s.Origin);
            foreach (var b in cec.BackendServices) Add(b.Namespace, b.Name, b.Ports, b.Origin);
        }

        var result = new List<AgentResource>();
        foreach (var (ns, name, request) in requests.Values)
        {
            var service = model.Services.FirstOrDefault(s => s.Meta.Namespace == ns && s.Meta.Name == name);
            var slices = model.EndpointSlices
                .Where(s => s.Meta.Namespace == ns && s.ServiceName == name && s.AddressType is "IPv4" or "IPv6")
                .OrderBy(s => s.Meta.Name, StringComparer.Ordinal)
                .ToList();
            var backends = new ServiceBackends(service, slices);
            var origin = service?.Meta.Origin ?? request.Origin;
            var ports = new SortedSet<string>(request.Ports, StringComparer.Ordinal);
            if (request.AllPorts)
            {
                ports.UnionWith(backends.PortNumbers);
                ports.Add(ServiceBackends.AnyPort);
            }
            foreach (var port in ports)
            {
                var endpoints = backends.For(port);
                result.Add(Resource($"{ns}/{name}:{port}", endpoints, origin));
                if (port == ServiceBackends.AnyPort) result.Add(Resource($"{ns}/{name}", endpoints, origin));
            }
        }
        return result;
    }

    /// <summary>An empty assignment, for an EDS name nothing provides (Envoy then starts the cluster with no hosts).</summary>
    public static AgentResource Empty(string name, SourceLocation origin) => Resource(name, [], origin);

    private static AgentResource Resource(string name, IReadOnlyList<(string Address, int Port)> endpoints, SourceLocation origin)
    {
        var assignment = new ClusterLoadAssignment { ClusterName = name };
        if (endpoints.Count > 0)
        {
            var locality = new LocalityLbEndpoints();
            foreach (var (address, port) in endpoints)
            {
                locality.LbEndpoints.Add(new LbEndpoint
                {
                    Endpoint = new Envoy.Config.Endpoint.V3.Endpoint
                    {
                        Address = new Envoy.Config.Core.V3.Address
                        {
                            SocketAddress = new Envoy.Config.Core.V3.SocketAddress { Address = address, PortValue = (uint)port },
                        },
                    },
                });
            }
            assignment.Endpoints.Add(locality);
        }
        return new AgentResource(EnvoyTypeUrls.ClusterLoadAssignment, name, assignment, null, origin);
    }
}
