using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.BackEnds.Xds.Agent;

/// <summary>
/// Resolves each <c>spec.services[]</c> entry to its listener's port. A listener name is qualified like the
/// listeners themselves and must name a listener of the same CEC (MC0223 otherwise); an empty name means the first
/// listener of <c>spec.resources</c>, as the CRD documents.
/// </summary>
internal static class ProxyRedirectBuilder
{
    /// <summary>The redirects of every CEC's <c>spec.services</c>, sorted by Service.</summary>
    public static IReadOnlyList<ProxyRedirect> Build(
        IEnumerable<(CecModel Cec, IReadOnlyList<AgentResource> Listeners)> cecs,
        IReadOnlyList<ListenerPort> ports,
        DiagnosticBag diagnostics)
    {
        var portOf = ports.ToDictionary(p => p.Listener, p => p.Port, StringComparer.Ordinal);
        var redirects = new List<ProxyRedirect>();
        foreach (var (cec, listeners) in cecs)
        {
            var scope = new CecScope(cec.Namespace, cec.Name);
            var names = listeners.Select(l => l.Name).ToList();
            foreach (var service in cec.Services)
            {
                var listener = service.Listener is { Length: > 0 } written ? scope.QualifyForced(written) : names.FirstOrDefault();
                if (listener is null || !names.Contains(listener))
                {
                    Report(diagnostics, service.Origin, scope, $"{service.Namespace}/{service.Name}", service.Listener, listener, names);
                    continue;
                }
                // An internal listener has no port to redirect to; the agent skips such services too.
                if (!portOf.TryGetValue(listener, out var port)) continue;
                redirects.Add(new ProxyRedirect(service.Namespace, service.Name, service.Ports, listener, port));
            }
        }
        return [.. redirects
            .OrderBy(r => r.Namespace, StringComparer.Ordinal)
            .ThenBy(r => r.Service, StringComparer.Ordinal)
            .ThenBy(r => r.Listener, StringComparer.Ordinal)];
    }

    private static void Report(DiagnosticBag diagnostics, SourceLocation at, CecScope scope, string service, string? written,
        string? qualified, IReadOnlyList<string> names)
    {
        if (string.IsNullOrEmpty(written))
        {
            diagnostics.ReportEnvoyListenerNotFound(at, scope.ToString(), service, "",
                "an empty listener means the first Listener of spec.resources, and there is none");
            return;
        }
        diagnostics.ReportEnvoyListenerNotFound(at, scope.ToString(), service, written,
            Spelling.DidYouMean(qualified!, names) is { } hint ? $"{hint} (listener names are qualified as {scope}/<name>)" : null);
    }
}
