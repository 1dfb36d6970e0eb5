using System.Net;

namespace Meshc.Runtime.Model;

/// <summary>
/// Where the compiler says a listener is reached (<c>bindings</c> in <c>xds/redirects.json</c>): a Gateway at its
/// LoadBalancer address on its listener ports, or a claimed Service at its clusterIP on the claimed ports.
/// </summary>
public sealed record AddressBinding(string Kind, string Namespace, string Name, IPAddress Address, IReadOnlyList<int> Ports, string Listener)
{
    /// <summary>How the runtime names it when it prints what serves where: <c>gateway default/my-gateway</c>.</summary>
    public string Display => $"{Kind} {Namespace}/{Name}";
}
