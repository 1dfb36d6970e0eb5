namespace Meshc.PolicyEngine;

/// <summary>An HTTP request as the L7 policy sees it.</summary>
public sealed record HttpRequestInfo(string Method, string Path, IReadOnlyDictionary<string, string> Headers);

/// <summary>The verdict on a flow: allowed or not, the deciding rule (CNP and rule index, or why none) and every step.</summary>
public sealed record FlowVerdict(bool Allowed, string DecidingRule, string Reason, IReadOnlyList<string> Steps);

/// <summary>
/// Decides a flow between endpoints as Cilium does on one node: the source endpoint's egress policy (remote =
/// destination identity), then the destination's ingress policy (remote = source identity); where an entry redirects
/// to a proxy port, the HTTP rules for that identity and port decide the request (none matching: 403 "Access
/// denied", as Cilium's proxy answers). The deciding rule is the deny entry's, the HTTP rule set's, or the last
/// allowing entry's. <c>maps</c> may stand other maps in for the endpoints' in-process ones (the kernel's, in tests).
/// </summary>
public static class PolicyFlow
{
    public static FlowVerdict Evaluate(PolicyBundle bundle, PolicyEndpoint? source, uint sourceIdentity, PolicyEndpoint destination,
        byte protocol, ushort port, HttpRequestInfo? http, Func<PolicyEndpoint, IPolicyEntries>? maps = null)
    {
        var steps = new List<string>
        {
            $"source identity {sourceIdentity} ({bundle.Labels(sourceIdentity)}){(source is null ? "" : $", endpoint {source.Id} {source.Workload}")}",
            $"destination identity {destination.Identity} ({bundle.Labels(destination.Identity)}), endpoint {destination.Id} {destination.Workload}",
        };
        var decidingCookie = 0u;
        foreach (var (endpoint, egress, remote) in Directions(source, sourceIdentity, destination))
        {
            steps.Add($"{(egress ? "egress" : "ingress")} policy of endpoint {endpoint.Id} ({endpoint.Map.Name}), remote identity {remote}, port {port}/{ProtocolName(protocol)}:");
            var verdict = PolicyLookup.CanAccess(maps?.Invoke(endpoint) ?? endpoint.Map, remote, egress, protocol, port);
            steps.AddRange(verdict.Steps.Select(s => "  " + s));
            var cookie = verdict.Chosen?.Value.Cookie ?? 0;
            if (!verdict.IsAllowed)
            {
                var rule = verdict.Chosen is null ? "no matching policy entry (default deny)" : bundle.RuleName(cookie);
                return new FlowVerdict(false, rule, verdict.Outcome.ToString(), steps);
            }
            decidingCookie = cookie;
            if (verdict.ProxyPort == 0) continue;
            var sets = endpoint.Http.Where(s => s.AppliesTo(egress, remote, port)).ToList();
            if (http is null)
            {
                steps.Add($"  redirected to proxy port {verdict.ProxyPort}; no HTTP request given, so the L7 rules are not evaluated");
                continue;
            }
            var match = sets.FirstOrDefault(s => s.Rules.Any(r => r.Matches(http.Method, http.Path, http.Headers)));
            if (match is null)
            {
                steps.Add($"  proxy port {verdict.ProxyPort}: {http.Method} {http.Path} matches no HTTP rule: 403 Access denied");
                return new FlowVerdict(false, sets.Count == 0 ? bundle.RuleName(cookie) : string.Join(", ", sets.Select(s => bundle.RuleName(s.Cookie)).Distinct()),
                    "L7 403 Access denied", steps);
            }
            steps.Add($"  proxy port {verdict.ProxyPort}: {http.Method} {http.Path} matches the HTTP rules of {bundle.RuleName(match.Cookie)}");
            decidingCookie = match.Cookie;
        }
        return new FlowVerdict(true, bundle.RuleName(decidingCookie), "allowed", steps);
    }

    private static string ProtocolName(byte protocol) => protocol switch { 6 => "TCP", 17 => "UDP", 132 => "SCTP", _ => $"proto {protocol}" };

    private static IEnumerable<(PolicyEndpoint Endpoint, bool Egress, uint Remote)> Directions(PolicyEndpoint? source, uint sourceIdentity, PolicyEndpoint destination)
    {
        if (source is not null) yield return (source, true, destination.Identity);
        yield return (destination, false, sourceIdentity);
    }
}
