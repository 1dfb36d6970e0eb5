using Meshc.Compiler.Ir;

namespace Meshc.Compiler.Passes;

/// <summary>A Gateway of ours with its listeners (one per distinct name, in spec order) and what the checks found.</summary>
internal sealed class GatewayFacts(Gateway gateway)
{
    public Gateway Gateway { get; } = gateway;

    public List<ListenerFacts> Listeners { get; } = [];

    /// <summary>Why <c>spec.addresses</c> cannot be honoured (Accepted=False UnsupportedAddress), if so.</summary>
    public Problem? AddressProblem { get; set; }

    /// <summary>The LoadBalancer address and the pool it came from (<see cref="AssignGatewayAddresses"/>), if one was assigned.</summary>
    public (string Address, string Pool)? AssignedAddress { get; set; }

    /// <summary>Why an address could not be assigned (Programmed=False AddressNotAssigned / AddressNotUsable), if so.</summary>
    public Problem? AssignmentProblem { get; set; }

    public ListenerFacts? FindListener(string name) => Listeners.FirstOrDefault(l => l.Listener.Name == name);
}
