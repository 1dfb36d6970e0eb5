using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.FrontEnds.Dsl;

/// <summary>
/// Checks the Services a service route names, once every source is read: the Service it attaches to (MC0178), and
/// its backends and their ports (MC0201, MC0208, the codes a gateway route's backends get), with "did you mean".
/// </summary>
internal static class ServiceRouteReferences
{
    public static void Check(IEnumerable<EnvoyConfig> routes, MeshModel model, DiagnosticBag diagnostics)
    {
        foreach (var route in routes)
        {
            var ns = route.Meta.Namespace;
            var names = model.Services.Where(s => s.Meta.Namespace == ns).Select(s => s.Meta.Name).ToList();
            Service? Find(string name) => model.Services.FirstOrDefault(s => s.Meta.Namespace == ns && s.Meta.Name == name);
            foreach (var parent in route.Services.Where(p => Find(p.Name) is null))
                diagnostics.ReportDslServiceParentNotFound(parent.Origin, route.Meta.Name, parent.Name, Spelling.DidYouMean(parent.Name, names));
            foreach (var backend in route.BackendServices)
            {
                if (Find(backend.Name) is not { } service)
                {
                    diagnostics.ReportBackendNotFound(backend.Origin, backend.Name, $"{ns}/{backend.Name}", Spelling.DidYouMean(backend.Name, names));
                    continue;
                }
                foreach (var port in backend.Ports.Select(int.Parse).Where(p => service.FindPort(p) is null))
                    diagnostics.ReportBackendPortNotFound(backend.Origin, $"{ns}/{backend.Name}", port);
            }
        }
    }
}
