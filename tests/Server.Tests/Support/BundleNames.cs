using Envoy.Config.Cluster.V3;
using Envoy.Config.Listener.V3;
using Envoy.Service.Discovery.V3;
using Meshc.Compiler;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.FrontEnds;
using Meshc.EnvoyApi;

namespace Meshc.Server.Tests.Support;

/// <summary>The names in a bundle compiled from a folder the way <c>meshc compile</c> does, read from its xDS files.</summary>
public sealed record BundleNames(IReadOnlyList<string> Clusters, IReadOnlyList<string> Listeners)
{
    public static BundleNames Of(string folder)
    {
        var bundle = Compilation.Create(SourceLoader.Load([folder], new DiagnosticBag())).Emit(EmitTargets.Xds).Bundle!;
        return new BundleNames(
            [.. EnvoyJson.Parse<DiscoveryResponse>(bundle.ReadText("xds/clusters.json")).Resources.Select(r => r.Unpack<Cluster>().Name)],
            [.. EnvoyJson.Parse<DiscoveryResponse>(bundle.ReadText("xds/listeners.json")).Resources.Select(r => r.Unpack<Listener>().Name)]);
    }
}
