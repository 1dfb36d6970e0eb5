using Meshc.Compiler.Text;

namespace Meshc.Compiler.Ir;

/// <summary>
/// A network policy written in the DSL: which peers the selected workloads may talk to (or must not), on which ports,
/// and with which HTTP requests. It maps onto a CiliumNetworkPolicy; the passes check it and the BPF back end compiles it.
/// </summary>
public sealed record Policy(ObjectMeta Meta, LabelSelector Subject, ValueList<PolicyRule> Rules) : IMeshObject
{
    [System.Text.Json.Serialization.JsonIgnore]
    public ObjectKey Key => new(ObjectKind.Policy, Meta.Namespace, Meta.Name);
}

/// <summary>
/// One rule: allow or deny traffic from (ingress) or to (egress) the peers a selector picks (null: any peer), on these
/// ports (none: all), limited to these HTTP requests (none: any; allow rules only).
/// </summary>
public sealed record PolicyRule(
    PolicyAction Action,
    TrafficDirection Direction,
    LabelSelector? Peer,
    ValueList<PolicyPort> Ports,
    ValueList<HttpPolicyRule> Http,
    SourceLocation Origin) : IHasOrigin;

public enum PolicyAction { Allow, Deny }

/// <summary>Ingress: traffic from the peer to the selected workloads; egress: from the selected workloads to the peer.</summary>
public enum TrafficDirection { Ingress, Egress }

/// <summary>A destination port and its protocol (TCP, UDP, SCTP or ANY).</summary>
public sealed record PolicyPort(int Port, string Protocol, SourceLocation Origin) : IHasOrigin;

/// <summary>An L7 condition of an allow rule: HTTP method, path (a regular expression, as Cilium reads it) and required headers.</summary>
public sealed record HttpPolicyRule(string? Method, string? Path, ValueList<HeaderValue> Headers, SourceLocation Origin) : IHasOrigin;
