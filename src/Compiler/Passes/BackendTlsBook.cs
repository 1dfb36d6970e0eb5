using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Passes;

/// <summary>
/// What the BackendTLSPolicy check found: the upstream TLS of each targeted Service port (the accepted policy that
/// won it), and per policy why it is not accepted, for its status.
/// </summary>
internal sealed class BackendTlsBook
{
    private readonly Dictionary<(string Namespace, string Service, string? Section), (ObjectKey Policy, UpstreamTls Tls)> _applied = [];

    /// <summary>Policies in the order they claim targets (namespace/name: meshc has no creation times).</summary>
    public List<BackendTlsFacts> All { get; } = [];

    /// <summary>Which policy holds a target; null when it is free.</summary>
    public ObjectKey? Holder(string ns, string service, string? section) =>
        _applied.TryGetValue((ns, service, section), out var held) ? held.Policy : null;

    public void Apply(string ns, string service, string? section, ObjectKey policy, UpstreamTls tls) =>
        _applied[(ns, service, section)] = (policy, tls);

    /// <summary>
    /// The TLS for a backend on <paramref name="portName"/> of a Service: a policy naming that port (sectionName) wins
    /// over one naming the whole Service, as the Gateway API's precedence for policies says.
    /// </summary>
    public UpstreamTls? For(string ns, string service, string? portName)
    {
        if (portName is not null && _applied.TryGetValue((ns, service, portName), out var own)) return own.Tls;
        return _applied.TryGetValue((ns, service, null), out var whole) ? whole.Tls : null;
    }
}

/// <summary>One BackendTLSPolicy's verdict: Accepted/ResolvedRefs problems, or a conflict that keeps it from applying.</summary>
internal sealed class BackendTlsFacts(BackendTlsPolicy policy)
{
    public BackendTlsPolicy Policy { get; } = policy;

    /// <summary>The valid Service targets (kind checked), as (namespace, name, sectionName).</summary>
    public List<(string Namespace, string Service, string? Section)> Targets { get; } = [];

    /// <summary>Why the policy is not accepted (NoValidCACertificate), with the ResolvedRefs reason beside it.</summary>
    public (Problem Accepted, Problem Refs)? Invalid { get; set; }

    /// <summary>True when another policy already holds one of its targets.</summary>
    public bool Conflicted { get; set; }
}
