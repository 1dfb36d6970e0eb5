using Envoy.Config.Cluster.V3;
using Envoy.Config.Endpoint.V3;
using Envoy.Config.Route.V3;
using Google.Protobuf;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Ir;
using Meshc.EnvoyApi;
using Listener = Envoy.Config.Listener.V3.Listener;
using Secret = Envoy.Extensions.TransportSockets.Tls.V3.Secret;

namespace Meshc.Compiler.BackEnds.Xds.Agent;

/// <summary>
/// Does what Cilium's agent does with CiliumEnvoyConfigs before Envoy sees them (<c>cec_resource_parser.go</c>,
/// <c>controller.go</c>), for input CECs and Gateway-translated ones alike: qualify names per CEC, fill in config
/// sources (here: files of the bundle), give address-less listeners a proxy port, publish endpoints of the
/// referenced Services, and resolve <c>spec.services</c> to proxy redirects. Then checks what Envoy resolves by
/// name. The input models are not changed; every resource is completed on a copy.
/// </summary>
internal static class AgentCompletion
{
    /// <summary>Completes every CEC and returns the snapshot to write; findings go to <paramref name="diagnostics"/>.</summary>
    public static XdsSnapshot Complete(IReadOnlyList<CecModel> cecs, MeshModel model, CompilationOptions options, DiagnosticBag diagnostics)
    {
        var ordered = cecs
            .OrderBy(c => c.Namespace, StringComparer.Ordinal)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .ThenBy(c => c.Clusterwide)
            .ToList();
        var perCec = ordered.Select(c => (Cec: c, Resources: CompleteCec(c, diagnostics))).ToList();
        var fromCecs = DuplicateNames.Keep(perCec.SelectMany(c => c.Resources), diagnostics);
        List<AgentResource> Of(string typeUrl) => [.. fromCecs.Where(r => r.TypeUrl == typeUrl)];

        var listeners = Of(EnvoyTypeUrls.Listener);
        var ports = ProxyPortAllocator.Assign(listeners, options.ProxyPortBase, diagnostics);
        var redirects = ProxyRedirectBuilder.Build(
            perCec.Select(c => (c.Cec, (IReadOnlyList<AgentResource>)c.Resources.Where(r => r.TypeUrl == EnvoyTypeUrls.Listener).ToList())),
            ports, diagnostics);

        var clusters = Of(EnvoyTypeUrls.Cluster);
        var endpoints = DuplicateNames.Keep(Of(EnvoyTypeUrls.ClusterLoadAssignment).Concat(LoadAssignmentBuilder.Build(ordered, model)), diagnostics).ToList();
        AddMissingEndpoints(clusters, endpoints, diagnostics);
        var secrets = Of(EnvoyTypeUrls.Secret);
        ReportMissingSecrets(listeners.Concat(clusters), secrets, diagnostics);

        var snapshot = new XdsSnapshot(listeners, Of(EnvoyTypeUrls.RouteConfiguration), clusters,
            [.. endpoints.OrderBy(e => e.Name, StringComparer.Ordinal)], secrets, ports, redirects);
        CrossReferenceCheck.Run(snapshot, diagnostics);
        return snapshot;
    }

    private static List<AgentResource> CompleteCec(CecModel cec, DiagnosticBag diagnostics)
    {
        var scope = new CecScope(cec.Namespace, cec.Name);
        var completed = new List<AgentResource>();
        for (var i = 0; i < cec.Resources.Count; i++)
        {
            var message = Copy(cec.Resources[i]);
            var origin = cec.OriginOf(i);
            switch (message)
            {
                case Listener listener: ListenerCompletion.Complete(listener, scope); break;
                case RouteConfiguration route: RouteCompletion.Complete(route, scope); break;
                case Cluster cluster: ClusterCompletion.Complete(cluster, scope); break;
                case ClusterLoadAssignment assignment: ClusterCompletion.QualifyLoadAssignment(assignment, scope); break;
                case Secret secret: secret.Name = scope.Qualify(secret.Name); break;
                default:
                    diagnostics.ReportInternalError(origin, "xDS back end", $"CiliumEnvoyConfig '{scope}' holds a {message.Descriptor.FullName}, which is not an xDS resource");
                    continue;
            }
            var name = (string)message.Descriptor.FindFieldByName("name")?.Accessor.GetValue(message)!
                       ?? ((ClusterLoadAssignment)message).ClusterName;
            completed.Add(new AgentResource(EnvoyTypes.TypeUrlOf(message.Descriptor), name, message, cec, origin));
        }
        return completed;
    }

    /// <summary>An EDS cluster reading its endpoints from the bundle needs that file even when nothing provides endpoints.</summary>
    private static void AddMissingEndpoints(IEnumerable<AgentResource> clusters, List<AgentResource> endpoints, DiagnosticBag diagnostics)
    {
        var known = endpoints.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var resource in clusters)
        {
            var cluster = (Cluster)resource.Message;
            if (!ClusterCompletion.IsEds(cluster)) continue;
            var serviceName = ClusterCompletion.EdsServiceName(cluster);
            if (cluster.EdsClusterConfig?.EdsConfig?.PathConfigSource?.Path != XdsFiles.Endpoint(serviceName) || !known.Add(serviceName)) continue;
            diagnostics.ReportEnvoyEndpointsMissing(resource.Origin, resource.Name, serviceName,
                "list the Service in spec.backendServices to publish its endpoints");
            endpoints.Add(LoadAssignmentBuilder.Empty(serviceName, resource.Origin));
        }
    }

    private static void ReportMissingSecrets(IEnumerable<AgentResource> users, IReadOnlyList<AgentResource> secrets, DiagnosticBag diagnostics)
    {
        var known = secrets.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var resource in users)
        {
            var sockets = resource.Message switch
            {
                Listener l => l.FilterChains.Select(c => c.TransportSocket),
                Cluster c => [c.TransportSocket],
                _ => [],
            };
            foreach (var config in sockets.SelectMany(TlsCompletion.SecretConfigs))
            {
                var file = XdsFiles.Secret(config.Name);
                if (config.SdsConfig?.PathConfigSource?.Path == file && known.Add(config.Name))
                    diagnostics.ReportEnvoySecretNotInBundle(resource.Origin, config.Name, file);
            }
        }
    }

    // Completion edits the resources in place; the CEC keeps its own (the Kubernetes back end prints it as given).
    // The generated deep clone of each resource kind, rather than a binary round trip.
    private static IMessage Copy(IMessage message) => message switch
    {
        Listener l => l.Clone(),
        RouteConfiguration r => r.Clone(),
        Cluster c => c.Clone(),
        ClusterLoadAssignment a => a.Clone(),
        Secret s => s.Clone(),
        _ => message.Descriptor.Parser.ParseFrom(message.ToByteString()),
    };
}
