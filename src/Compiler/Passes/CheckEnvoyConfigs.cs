using Meshc.Compiler.Text;

namespace Meshc.Compiler.Passes;

/// <summary>
/// Checks that the Services a CiliumEnvoyConfig redirects (<c>spec.services</c>) or syncs endpoints for
/// (<c>spec.backendServices</c>) exist in the input. Configs whose Services all exist are handed to the back ends.
/// </summary>
internal sealed class CheckEnvoyConfigs : IPass
{
    public void Run(PassContext context)
    {
        foreach (var config in context.Model.EnvoyConfigs)
        {
            var valid = true;
            var name = config.Key.QualifiedName;
            foreach (var service in config.Services.Where(s => context.Index.FindService(s.Namespace, s.Name) is null))
            {
                context.Diagnostics.ReportEnvoyServiceNotFound(service.Origin, name, $"{service.Namespace}/{service.Name}",
                    Spelling.DidYouMean(service.Name, context.Index.ServiceNames(service.Namespace)));
                valid = false;
            }
            foreach (var service in config.BackendServices.Where(s => context.Index.FindService(s.Namespace, s.Name) is null))
            {
                context.Diagnostics.ReportEnvoyBackendServiceNotFound(service.Origin, name, $"{service.Namespace}/{service.Name}",
                    Spelling.DidYouMean(service.Name, context.Index.ServiceNames(service.Namespace)));
                valid = false;
            }
            if (valid) context.EnvoyConfigs.Add(config);
        }
    }
}
