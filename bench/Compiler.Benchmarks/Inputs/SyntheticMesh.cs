using System.Text;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Benchmarks.Inputs;

/// <summary>
/// Generates a realistic Gateway API input of a given <see cref="MeshShape"/>, laid out the way a GitOps repository
/// would be: <c>namespaces.yaml</c>, <c>edge-NNN/gateways.yaml</c>, <c>team-NNN/services.yaml</c> (Services and
/// EndpointSlices) and <c>team-NNN/routes.yaml</c> (HTTPRoutes and the ReferenceGrant). The same shape and seed
/// always give the same text.
/// </summary>
public static class SyntheticMesh
{
    public static IReadOnlyList<SourceText> Generate(MeshShape shape)
    {
        if (shape.Routes < 0 || shape.Gateways < 1 || shape.Services < 1)
            throw new ArgumentOutOfRangeException(nameof(shape), shape, "need at least one Gateway and one Service");
        var sources = new List<SourceText> { new("namespaces.yaml", Namespaces(shape)) };
        for (var edge = 0; edge < shape.EdgeNamespaces; edge++)
        {
            var yaml = new StringBuilder();
            var last = Math.Min(shape.Gateways, (edge + 1) * MeshShape.GatewaysPerNamespace);
            for (var g = edge * MeshShape.GatewaysPerNamespace; g < last; g++) InfrastructureWriter.Gateway(yaml, GatewayPlan.For(shape, g));
            sources.Add(new SourceText($"{MeshNames.Edge(edge)}/gateways.yaml", yaml.ToString()));
        }
        var routesByTeam = Enumerable.Range(0, shape.Routes).ToLookup(r => MeshNames.TeamOf(r % shape.Services));
        for (var team = 0; team < shape.TeamNamespaces; team++)
        {
            var services = new StringBuilder();
            var (first, count) = MeshNames.ServicesOf(team, shape.Services);
            for (var s = first; s < first + count; s++) InfrastructureWriter.ServiceWithEndpoints(services, shape, s);
            sources.Add(new SourceText($"{MeshNames.Team(team)}/services.yaml", services.ToString()));

            var routes = new StringBuilder();
            if (shape.TeamNamespaces > 1) RouteWriter.ReferenceGrant(routes, shape, team);
            foreach (var r in routesByTeam[team]) RouteWriter.Route(routes, shape, r);
            if (routes.Length > 0) sources.Add(new SourceText($"{MeshNames.Team(team)}/routes.yaml", routes.ToString()));
        }
        return sources;
    }

    /// <summary>Writes the generated files under <paramref name="directory"/> (for <c>meshc compile DIR</c>).</summary>
    public static void WriteTo(IEnumerable<SourceText> sources, string directory)
    {
        foreach (var source in sources)
        {
            var path = Path.Combine(directory, source.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, source.Text);
        }
    }

    private static string Namespaces(MeshShape shape)
    {
        var yaml = new StringBuilder();
        for (var edge = 0; edge < shape.EdgeNamespaces; edge++) InfrastructureWriter.Namespace(yaml, MeshNames.Edge(edge), admitted: false);
        for (var team = 0; team < shape.TeamNamespaces; team++) InfrastructureWriter.Namespace(yaml, MeshNames.Team(team), admitted: true);
        return yaml.ToString();
    }
}
