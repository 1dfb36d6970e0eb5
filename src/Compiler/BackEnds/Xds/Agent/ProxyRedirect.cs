using Meshc.Compiler.Ir;

namespace Meshc.Compiler.BackEnds.Xds.Agent;

/// <summary>
/// A Service whose frontend Cilium redirects to an Envoy listener (<c>spec.services</c>): on the given ports
/// (empty: all), traffic goes to <see cref="ProxyPort"/>. The BPF back end turns this into the L7 flag and proxy
/// port of the Service's load-balancer entry, as the agent's <c>loadbalancer.ProxyRedirect</c> does.
/// </summary>
internal sealed record ProxyRedirect(string Namespace, string Service, ValueList<int> Ports, string Listener, int ProxyPort);

/// <summary>The port a listener accepts on; <see cref="Allocated"/> when meshc gave it one (the agent's CRD proxy port).</summary>
internal sealed record ListenerPort(string Listener, string Address, int Port, bool Allocated);
