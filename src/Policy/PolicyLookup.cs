namespace Meshc.PolicyEngine;

/// <summary>
/// Cilium's <c>__policy_can_access</c> over an in-process policy map: look up the remote identity (L3) with the full
/// prefix; a top-precedence deny there is chosen at once. Otherwise look up the wildcard identity (L4-only) and
/// take it when there is no L3 entry, or it has higher precedence, or equal precedence and a strictly longer
/// protocol/port prefix; ties go to L3. No entry is <c>DROP_POLICY</c>. A deny drops; an auth type (the chosen
/// entry's, or the other's at equal precedence when the chosen has none explicit and the other's is higher)
/// requires auth; otherwise the packet passes with the entry's proxy port.
/// </summary>
public static class PolicyLookup
{
    public static PolicyVerdict CanAccess(IPolicyEntries map, uint remoteIdentity, bool egress, byte protocol, ushort port)
    {
        var steps = new List<string>();
        var l3 = map.Lookup(new PolicyMapKey(PolicyMapKey.FullPrefix, remoteIdentity, egress, protocol, port));
        steps.Add($"L3 lookup identity {remoteIdentity}: {Describe(l3)}");
        if (l3 is { } top && top.Value.Precedence == PolicyMapValue.MaxPrecedence)
        {
            steps.Add("the L3 entry is a deny at the highest precedence: chosen at once");
            return Check(top, null, isL3: true, steps);
        }
        var l4 = map.Lookup(new PolicyMapKey(PolicyMapKey.FullPrefix, 0, egress, protocol, port));
        steps.Add($"L4-only lookup (identity 0): {Describe(l4)}");
        if (l3 is null && l4 is null)
        {
            steps.Add("no entry matches: DROP_POLICY");
            return new PolicyVerdict(PolicyOutcome.DropPolicy, 0, null, "none", steps);
        }
        var useL4 = l4 is { } w && (l3 is not { } e || w.Value.Precedence > e.Value.Precedence ||
            (w.Value.Precedence == e.Value.Precedence && w.Value.LpmPrefixLength > e.Value.LpmPrefixLength));
        steps.Add(useL4 ? "chose the L4-only entry" : "chose the L3 entry");
        return useL4 ? Check(l4!.Value, l3, isL3: false, steps) : Check(l3!.Value, l4, isL3: true, steps);
    }

    private static PolicyVerdict Check((PolicyMapKey Key, PolicyMapValue Value) chosen, (PolicyMapKey Key, PolicyMapValue Value)? other, bool isL3, List<string> steps)
    {
        var p = chosen.Value.LpmPrefixLength;
        var matchType = isL3 ? (p > 8 ? "L3_L4" : p > 0 ? "L3_PROTO" : "L3_ONLY") : (p == 0 ? "ALL" : p <= 8 ? "PROTO_ONLY" : "L4_ONLY");
        if (chosen.Value.Deny)
        {
            steps.Add("the entry denies: DROP_POLICY_DENY");
            return new PolicyVerdict(PolicyOutcome.DropPolicyDeny, 0, chosen, matchType, steps);
        }
        var auth = chosen.Value.AuthType;
        if (!chosen.Value.HasExplicitAuth && other is { } o && o.Value.Precedence == chosen.Value.Precedence && o.Value.AuthType > auth)
            auth = o.Value.AuthType;
        if (auth != 0)
        {
            steps.Add($"auth type {auth} required: DROP_POLICY_AUTH_REQUIRED");
            return new PolicyVerdict(PolicyOutcome.DropAuthRequired, 0, chosen, matchType, steps);
        }
        steps.Add(chosen.Value.ProxyPort == 0 ? "allowed" : $"allowed, redirected to proxy port {chosen.Value.ProxyPort}");
        return new PolicyVerdict(PolicyOutcome.Allowed, chosen.Value.ProxyPort, chosen, matchType, steps);
    }

    private static string Describe((PolicyMapKey Key, PolicyMapValue Value)? entry) => entry is not { } e
        ? "no entry"
        : $"{(e.Value.Deny ? "deny" : "allow")} prefix {e.Key.PrefixLength} precedence 0x{e.Value.Precedence:X8} proxy port {e.Value.ProxyPort} cookie {e.Value.Cookie}";
}
