namespace Meshc.PolicyEngine;

/// <summary>What the datapath does with a packet, named as Cilium's drop reasons.</summary>
public enum PolicyOutcome
{
    Allowed,
    /// <summary><c>DROP_POLICY</c>: no entry matched.</summary>
    DropPolicy,
    /// <summary><c>DROP_POLICY_DENY</c>: the chosen entry denies.</summary>
    DropPolicyDeny,
    /// <summary><c>DROP_POLICY_AUTH_REQUIRED</c>.</summary>
    DropAuthRequired,
}

/// <summary>
/// The result of <see cref="PolicyLookup.CanAccess"/>: the outcome, the proxy port to redirect to (0 = none), the
/// entry chosen (with its cookie, which names the rule) and the steps taken, for traces.
/// </summary>
public sealed record PolicyVerdict(PolicyOutcome Outcome, ushort ProxyPort, (PolicyMapKey Key, PolicyMapValue Value)? Chosen, string MatchType, IReadOnlyList<string> Steps)
{
    public bool IsAllowed => Outcome == PolicyOutcome.Allowed;
}
