using Meshc.Compiler.Ir;

namespace Meshc.Compiler.Passes;

/// <summary>What the listener checks found about one listener of a Gateway of ours; turned into status at the end.</summary>
internal sealed class ListenerFacts(Listener listener)
{
    public Listener Listener { get; } = listener;

    /// <summary>The ListenerSet the listener comes from; null for the Gateway's own listeners.</summary>
    public ListenerSetFacts? Set { get; init; }

    /// <summary>
    /// The listener's name within its Gateway's merged list. Names are unique only within one object (GEP-1713), so a
    /// ListenerSet's listener is qualified by its set; '/' cannot occur in a listener name.
    /// </summary>
    public string Id => Set is null ? Listener.Name : $"{Set.ListenerSet.Key.QualifiedName}/{Listener.Name}";

    /// <summary>The namespace of the object that declares the listener (its Gateway or its ListenerSet).</summary>
    public string Namespace(Gateway gateway) => Set?.ListenerSet.Meta.Namespace ?? gateway.Meta.Namespace;

    /// <summary>The route kinds the listener accepts: its protocol's kinds, narrowed by <c>allowedRoutes.kinds</c>.</summary>
    public List<RouteGroupKind> SupportedKinds { get; } = [];

    /// <summary>The certificate refs an HTTPS listener can serve, namespace filled in.</summary>
    public List<ObjectRef> Certificates { get; } = [];

    /// <summary>The client-certificate validation an HTTPS listener applies, once its CA reference resolved.</summary>
    public Semantics.ClientValidation? ClientValidation { get; set; }

    /// <summary>Why the listener is not accepted (null: accepted unless conflicted).</summary>
    public Problem? Rejection { get; private set; }

    /// <summary>Why a reference of the listener (certificate, route kind) did not resolve.</summary>
    public Problem? RefsProblem { get; private set; }

    /// <summary>The conflict with another listener (ProtocolConflict or HostnameConflict), if any.</summary>
    public Problem? Conflict { get; private set; }

    /// <summary>Accepted, not conflicted: routes bind to it and back ends compile it.</summary>
    public bool Valid => Rejection is null && Conflict is null;

    /// <summary>Keeps the first rejection: it is the one status reports.</summary>
    public void Reject(Problem problem) => Rejection ??= problem;

    public void FailRefs(Problem problem) => RefsProblem ??= problem;

    public void MarkConflict(Problem problem) => Conflict ??= problem;
}
