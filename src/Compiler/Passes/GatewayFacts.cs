using Meshc.Compiler.Ir;

namespace Meshc.Compiler.Passes;

/// <summary>A Gateway of ours with its listeners (one per distinct name, in spec order) and what the checks found.</summary>
internal sealed class GatewayFacts(Gateway gateway)
{
    public Gateway Gateway { get; } = gateway;

    /// <summary>
    /// The merged listener list in the spec's precedence: the Gateway's own listeners, then those of the ListenerSets it
    /// admits (<see cref="AttachListenerSets"/>). Back ends program all of them alike.
    /// </summary>
    public List<ListenerFacts> Listeners { get; } = [];

    /// <summary>The Gateway's own listeners (<c>spec.listeners</c>): its status and its own conditions are about these only.</summary>
    public IEnumerable<ListenerFacts> OwnListeners => Listeners.Where(l => l.Set is null);

    /// <summary>The ListenerSets that name this Gateway as their parent, in listener precedence.</summary>
    public List<ListenerSetFacts> ListenerSets { get; } = [];

    /// <summary>
    /// Why the Gateway is refused as a whole, if so: <c>spec.addresses</c> it cannot ask for (Accepted=False
    /// UnsupportedAddress) or infrastructure parameters it cannot use (Accepted=False InvalidParameters). A refused
    /// Gateway gets no configuration.
    /// </summary>
    public Problem? Refusal { get; set; }

    /// <summary>The LoadBalancer address and the pool it came from (<see cref="AssignGatewayAddresses"/>), if one was assigned.</summary>
    public (string Address, string Pool)? AssignedAddress { get; set; }

    /// <summary>Why an address could not be assigned (Programmed=False AddressNotAssigned / AddressNotUsable), if so.</summary>
    public Problem? AssignmentProblem { get; set; }

    public ListenerFacts? FindListener(string name) => OwnListeners.FirstOrDefault(l => l.Listener.Name == name);
}
