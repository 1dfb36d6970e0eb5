using Meshc.Compiler.Ir;

namespace Meshc.Compiler.Passes;

/// <summary>A ListenerSet that names a Gateway of ours (or a Gateway that does not exist), and what the passes found.</summary>
internal sealed class ListenerSetFacts(ListenerSet listenerSet, GatewayFacts? parent)
{
    public ListenerSet ListenerSet { get; } = listenerSet;

    /// <summary>The parent Gateway; null when it does not exist.</summary>
    public GatewayFacts? Parent { get; } = parent;

    /// <summary>Why the parent does not take the set in (NotAllowed, ParentNotAccepted); null when it does.</summary>
    public Problem? Refusal { get; set; }

    /// <summary>The set's listeners, one per distinct name, in spec order; empty when the set is refused.</summary>
    public List<ListenerFacts> Listeners { get; } = [];

    /// <summary>
    /// Attached to a Gateway that is itself programmed, with at least one valid listener: Accepted=True, counted in the
    /// Gateway's attachedListenerSets, and routes may attach through it. Known once the listener checks have run.
    /// </summary>
    public bool Accepted => Refusal is null && Parent is { } parent && WriteGatewayStatus.Programs(parent) && Listeners.Any(l => l.Valid);
}
