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
    /// back end uses), or adds nothing and returns null when an error was reported.
    /// </summary>
    public static XdsSnapshot? Build(BoundMesh mesh, IReadOnlyList<CecModel> fromGateways, CompilationOptions options,
        DiagnosticBag diagnostics, BundleBuilder bundle)
    {
        var cecs = mesh.EnvoyConfigs.Select(c => CecModelBuilder.Build(c, diagnostics)).Concat(fromGateways).ToList();
        var snapshot = AgentCompletion.Complete(cecs, mesh.Model, options, diagnostics);
        var bootstrap = BootstrapBuilder.Build();
        // Validating and formatting are per resource and independent: they run in parallel, and their results are
        // read back in resource order, so diagnostics and files are the same as one at a time.
        var all = snapshot.All.ToList();
        var valid = EmitValidation.CheckAll(options, all.Select(r => (r.Message, r.Name, r.Origin)).ToList(), diagnostics);
        valid = EmitValidation.Check(bootstrap, BootstrapBuilder.NodeName, SourceLocation.None, diagnostics) && valid;
        if (!valid || diagnostics.HasErrors) return null;

        var formatted = Parallelism.Map(options, all, r => (r.Name, Json: DiscoveryFile.Format(r.Message)));
        var at = 0;
        List<(string Name, string Json)> Next(int count)
        {
            var part = formatted[at..(at + count)].ToList();
            at += count;
            return part;
        }
        var listeners = Next(snapshot.Listeners.Count);
        var routes = Next(snapshot.Routes.Count);
        var clusters = Next(snapshot.Clusters.Count);
        var endpoints = Next(snapshot.Endpoints.Count);
        var secrets = Next(snapshot.Secrets.Count);
        bundle.Add(new BundleFile(XdsFiles.Listeners, DiscoveryFile.Write(EnvoyTypeUrls.Listener, listeners.Select(r => r.Json).ToList())));
        bundle.Add(new BundleFile(XdsFiles.Routes, DiscoveryFile.Write(EnvoyTypeUrls.RouteConfiguration, routes.Select(r => r.Json).ToList())));
        bundle.Add(new BundleFile(XdsFiles.Clusters, DiscoveryFile.Write(EnvoyTypeUrls.Cluster, clusters.Select(r => r.Json).ToList())));
        bundle.Add(new BundleFile(XdsFiles.Endpoints, DiscoveryFile.Write(EnvoyTypeUrls.ClusterLoadAssignment, endpoints.Select(r => r.Json).ToList())));
        // One file per route configuration, load assignment and secret, written (and hashed) in parallel too.
        var single = routes.Select(r => (Path: XdsFiles.Route(r.Name), Type: EnvoyTypeUrls.RouteConfiguration, r.Json))
            .Concat(endpoints.Select(r => (Path: XdsFiles.Endpoint(r.Name), Type: EnvoyTypeUrls.ClusterLoadAssignment, r.Json)))
            .Concat(secrets.Select(r => (Path: XdsFiles.Secret(r.Name), Type: EnvoyTypeUrls.Secret, r.Json)))
            .ToList();
        foreach (var file in Parallelism.Map(options, single, f => new BundleFile(f.Path, DiscoveryFile.Write(f.Type, [f.Json]))))
            bundle.Add(file);
        bundle.AddText(XdsFiles.Redirects, RedirectsFile.Write(snapshot.ListenerPorts, snapshot.Redirects, AddressBindings.Build(mesh, snapshot.Redirects)));
        bundle.AddText(XdsFiles.Bootstrap, BootstrapBuilder.Write(bootstrap));
        return snapshot;
    }
}
