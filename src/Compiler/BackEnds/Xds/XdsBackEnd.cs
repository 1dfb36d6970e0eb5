using Google.Protobuf;
using Meshc.Compiler.BackEnds.Xds.Agent;
using Meshc.Compiler.Bundle;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Semantics;
using Meshc.Compiler.Text;
using Meshc.EnvoyApi;

namespace Meshc.Compiler.BackEnds.Xds;

/// <summary>
/// Builds the xDS part of a bundle: every CiliumEnvoyConfig (from the input, and those the Gateway API translation
/// made) is completed as Cilium's agent would (<see cref="AgentCompletion"/>), validated, and written as files a
/// stock Envoy loads: <c>xds/listeners.json</c> and <c>xds/clusters.json</c> (LDS/CDS), <c>xds/routes.json</c> and
/// <c>xds/endpoints.json</c> (the whole RDS/EDS snapshot), one file per route configuration, load assignment and
/// secret (what the RDS/EDS/SDS subscriptions read, see <see cref="XdsFiles"/>), <c>xds/redirects.json</c> and
/// <c>envoy/bootstrap.yaml</c>.
/// </summary>
internal static class XdsBackEnd
{
    /// <summary>
    /// Adds the xDS files to <paramref name="bundle"/> and returns the snapshot (whose proxy ports and redirects the BPF
    /// back end uses), or adds nothing and returns null when a blocking error was reported.
    /// </summary>
    public static XdsSnapshot? Build(BoundMesh mesh, IReadOnlyList<CecModel> fromGateways, CompilationOptions options,
        DiagnosticBag diagnostics, BundleBuilder bundle)
    {
        var cecs = mesh.EnvoyConfigs.Select(c => CecModelBuilder.Build(c, diagnostics)).Concat(fromGateways).ToList();
        var snapshot = AgentCompletion.Complete(cecs, mesh.Model, options, diagnostics);
        var bootstrap = BootstrapBuilder.Build();
        var valid = snapshot.All.Aggregate(true, (ok, r) => EmitValidation.Check(r.Message, r.Name, r.Origin, diagnostics) && ok);
        valid = EmitValidation.Check(bootstrap, BootstrapBuilder.NodeName, SourceLocation.None, diagnostics) && valid;
        if (!valid || diagnostics.HasBlockingErrors) return null;

        var routes = Formatted(snapshot.Routes);
        var endpoints = Formatted(snapshot.Endpoints);
        var secrets = Formatted(snapshot.Secrets);
        bundle.Add(new BundleFile(XdsFiles.Listeners, DiscoveryFile.Write(EnvoyTypeUrls.Listener, Formatted(snapshot.Listeners).Select(r => r.Json).ToList())));
        bundle.Add(new BundleFile(XdsFiles.Routes, DiscoveryFile.Write(EnvoyTypeUrls.RouteConfiguration, routes.Select(r => r.Json).ToList())));
        bundle.Add(new BundleFile(XdsFiles.Clusters, DiscoveryFile.Write(EnvoyTypeUrls.Cluster, Formatted(snapshot.Clusters).Select(r => r.Json).ToList())));
        bundle.Add(new BundleFile(XdsFiles.Endpoints, DiscoveryFile.Write(EnvoyTypeUrls.ClusterLoadAssignment, endpoints.Select(r => r.Json).ToList())));
        foreach (var (name, json) in routes)
            bundle.Add(new BundleFile(XdsFiles.Route(name), DiscoveryFile.Write(EnvoyTypeUrls.RouteConfiguration, [json])));
        foreach (var (name, json) in endpoints)
            bundle.Add(new BundleFile(XdsFiles.Endpoint(name), DiscoveryFile.Write(EnvoyTypeUrls.ClusterLoadAssignment, [json])));
        foreach (var (name, json) in secrets)
            bundle.Add(new BundleFile(XdsFiles.Secret(name), DiscoveryFile.Write(EnvoyTypeUrls.Secret, [json])));
        bundle.AddText(XdsFiles.Redirects, RedirectsFile.Write(snapshot.ListenerPorts, snapshot.Redirects, AddressBindings.Build(mesh, snapshot.Redirects)));
        bundle.AddText(XdsFiles.Bootstrap, BootstrapBuilder.Write(bootstrap));
        return snapshot;
    }

    private static List<(string Name, string Json)> Formatted(IEnumerable<AgentResource> resources) =>
        resources.Select(r => (r.Name, DiscoveryFile.Format(r.Message))).ToList();
}
