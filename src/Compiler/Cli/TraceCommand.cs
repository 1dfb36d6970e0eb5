using System.Buffers.Binary;
using System.Net;
using Meshc.PolicyEngine;

namespace Meshc.Compiler.Cli;

/// <summary>
/// <c>meshc trace --from app=netshoot --to bookstore:8080/TCP [--http "GET /books"] &lt;inputs or bundle&gt;</c>: decides
/// one flow with the runtime's policy engine and prints every step — the identity of each side, the Service lookup
/// and its translation to the backend port, the L7 redirect, the policy entries chosen and why, the HTTP rules —
/// ending with a verdict per destination endpoint that names the deciding rule. The input is a compiled bundle folder, or YAML that is compiled first.
/// Exit 0 when every endpoint allows the flow, <see cref="ExitCodes.Denied"/> when one denies it or none is reached.
/// </summary>
internal static class TraceCommand
{
    public static int Run(PolicyBundle bundle, string from, string to, string? http, TextWriter stdout, TextWriter stderr)
    {
        if (!TryParseTo(to, out var target, out var port, out var protocol))
        {
            stderr.WriteLine($"meshc: --to '{to}' is not <service>[:port[/TCP|UDP|SCTP]] or <label>=<value>[:port[/proto]]");
            return ExitCodes.UsageOrIo;
        }
        HttpRequestInfo? request = null;
        if (http is not null)
        {
            var words = http.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length != 2)
            {
                stderr.WriteLine($"meshc: --http '{http}' is not '<METHOD> <path>'");
                return ExitCodes.UsageOrIo;
            }
            request = new HttpRequestInfo(words[0], words[1], new Dictionary<string, string>());
        }
        if (ResolveSource(bundle, from) is not { } source)
        {
            stderr.WriteLine($"meshc: --from '{from}' matches no endpoint, address or entity of the bundle");
            return ExitCodes.UsageOrIo;
        }
        stdout.WriteLine($"source: {from} → identity {source.Identity} ({bundle.Labels(source.Identity)}){(source.Endpoint is { } e ? $", endpoint {e.Id} {e.Workload}" : "")}");

        IReadOnlyList<PolicyEndpoint> destinations;
        var frontend = bundle.Frontends.FirstOrDefault(f => Matches(f.Service, target) && f.Port == port && f.Protocol == protocol);
        if (target.Contains('='))
        {
            destinations = [.. bundle.Endpoints.Where(e => HasLabels(bundle, e.Identity, target))];
            stdout.WriteLine($"destination: endpoints with {target}: {Names(destinations)}");
        }
        else if (frontend is null)
        {
            stderr.WriteLine($"meshc: no Service frontend '{target}' on port {port}/{ProtocolName(protocol)} in the bundle");
            return ExitCodes.UsageOrIo;
        }
        else
        {
            destinations = [.. bundle.Endpoints.Where(e => frontend.Endpoints.Contains(e.Id))];
            stdout.WriteLine($"service lookup: {frontend.Service} {frontend.Address}:{frontend.Port}/{ProtocolName(protocol)}, backends [{string.Join(", ", frontend.Backends)}], selects {Names(destinations)}");
            stdout.WriteLine($"  service translation: port {frontend.Port} → backend port {frontend.TargetPort}; policy is looked up on {frontend.TargetPort}, after translation, as Cilium does");
            if (frontend.L7ProxyPort > 0)
                stdout.WriteLine($"  L7 load balancer: redirected to proxy port {frontend.L7ProxyPort}; the datapath skips the source's egress policy, the proxy enforces it and connects to the backends with the source's identity");
        }
        if (destinations.Count == 0)
        {
            stdout.WriteLine("verdict: DROPPED — no destination endpoint");
            return ExitCodes.Denied;
        }
        IReadOnlyList<EndpointVerdict> verdicts = frontend is not null && !target.Contains('=')
            ? ServiceFlow.Evaluate(bundle, source.Identity, source.Endpoint, frontend, request)
            : [.. destinations.Select(d => new EndpointVerdict(d, PolicyFlow.Evaluate(bundle, source.Endpoint, source.Identity, d, protocol, port, request)))];
        foreach (var (destination, verdict) in verdicts)
        {
            stdout.WriteLine($"to endpoint {destination.Id} {destination.Workload}:");
            foreach (var step in verdict.Steps.Skip(1)) stdout.WriteLine("  " + step);
            stdout.WriteLine($"verdict: {(verdict.Allowed ? "ALLOWED" : "DENIED")} ({verdict.Reason}) by {verdict.DecidingRule}");
        }
        return verdicts.All(v => v.Verdict.Allowed) ? ExitCodes.Ok : ExitCodes.Denied;
    }

    private static (uint Identity, PolicyEndpoint? Endpoint)? ResolveSource(PolicyBundle bundle, string from)
    {
        if (IPAddress.TryParse(from, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
        {
            var id = bundle.ResolveIdentity(BinaryPrimitives.ReadUInt32BigEndian(ip.GetAddressBytes()));
            return (id, bundle.Endpoints.FirstOrDefault(e => e.Identity == id));
        }
        if (bundle.Identities.FirstOrDefault(i => i.Value == $"reserved:{from}") is { Value: not null } reserved)
            return (reserved.Key, null);
        if (bundle.Endpoints.FirstOrDefault(e => HasLabels(bundle, e.Identity, from)) is { } endpoint)
            return (endpoint.Identity, endpoint);
        return null;
    }

    /// <summary>True when the identity's labels include every <c>key=value</c> of <paramref name="selector"/> (comma-separated).</summary>
    private static bool HasLabels(PolicyBundle bundle, uint identity, string selector)
    {
        if (!selector.Contains('=')) return false;
        var labels = bundle.Labels(identity).Split(' ');
        return selector.Split(',').All(l => labels.Contains($"k8s:{l.Trim()}"));
    }

    private static bool Matches(string service, string target) =>
        service == target || (!target.Contains('/') && service.EndsWith($"/{target}", StringComparison.Ordinal));

    private static bool TryParseTo(string to, out string target, out ushort port, out byte protocol)
    {
        protocol = 6;
        port = 0;
        var colon = to.LastIndexOf(':');
        target = colon < 0 ? to : to[..colon];
        if (colon < 0) return target.Length > 0;
        var portText = to[(colon + 1)..];
        var slash = portText.IndexOf('/');
        if (slash >= 0)
        {
            protocol = portText[(slash + 1)..].ToUpperInvariant() switch { "TCP" => 6, "UDP" => 17, "SCTP" => 132, _ => 0 };
            portText = portText[..slash];
        }
        return protocol != 0 && ushort.TryParse(portText, out port) && target.Length > 0;
    }

    private static string ProtocolName(byte protocol) => protocol switch { 17 => "UDP", 132 => "SCTP", _ => "TCP" };

    private static string Names(IEnumerable<PolicyEndpoint> endpoints) =>
        string.Join(", ", endpoints.Select(e => $"endpoint {e.Id} {e.Workload}").DefaultIfEmpty("none"));
}
