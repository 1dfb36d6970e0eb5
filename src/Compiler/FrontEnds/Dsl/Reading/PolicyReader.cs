using Meshc.Compiler.FrontEnds.Dsl.Syntax;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.FrontEnds.Dsl.Reading;

/// <summary>
/// Reads a network policy: the workloads it governs (<c>select</c>; none selects every workload of the namespace),
/// then allow and deny rules for traffic from or to peers (<c>*</c> is any peer), ports and, on allow rules, HTTP.
/// <code>
/// policy NAME [select key=value, …] {
///   allow|deny from|to PEER [port N [tcp|udp|sctp|any], …] [http [METHOD] [PATH] [header name=value, …], …]
/// }
/// </code>
/// </summary>
internal static class PolicyReader
{
    public static Policy Read(MeshParser.PolicyStatementContext s, DslContext context)
    {
        var (ns, name) = context.Qualified(s.name());
        var subject = new List<Label>();
        var rules = new List<PolicyRule>();
        var metadata = new List<MeshParser.MetadataClauseContext>();
        foreach (var clause in s.policyClause())
        {
            switch (clause)
            {
                case MeshParser.PolicySelectClauseContext sel: subject.AddRange(MetadataReader.Labels(sel.labelList())); break;
                case MeshParser.PolicyRuleClauseContext r: rules.Add(Rule(r, context)); break;
                case MeshParser.PolicyMetadataContext m: metadata.Add(m.metadataClause()); break;
            }
        }
        var selector = new LabelSelector(subject.ToValueList(), ValueList<SelectorRequirement>.Empty);
        return new Policy(context.Meta(ns, name, metadata, s), selector, rules.ToValueList());
    }

    private static PolicyRule Rule(MeshParser.PolicyRuleClauseContext r, DslContext context)
    {
        var action = r.DENY() is null ? PolicyAction.Allow : PolicyAction.Deny;
        var direction = r.direction.Type == MeshLexer.FROM ? TrafficDirection.Ingress : TrafficDirection.Egress;
        var peer = r.peer() is MeshParser.SelectedPeerContext p ? MetadataReader.Selector(p.labelList()) : null;
        var ports = r.policyPorts()?.policyPort().Select(pp => Port(pp, context)).OfType<PolicyPort>().ToValueList() ?? ValueList<PolicyPort>.Empty;
        var http = r.policyHttp()?.httpRule().Select(h => Http(h, context)).ToValueList() ?? ValueList<HttpPolicyRule>.Empty;
        if (action == PolicyAction.Deny && !http.IsEmpty) context.Diagnostics.ReportDslDenyWithHttpRules(context.At(r.policyHttp()!));
        if (!http.IsEmpty && ports.Any(x => x.Protocol is "UDP" or "SCTP"))
            context.Diagnostics.ReportDslInvalidValue(context.At(r.policyHttp()!), "http", "rules", "HTTP rules need TCP ports");
        return new PolicyRule(action, direction, peer, ports, http, context.At(r));
    }

    private static PolicyPort? Port(MeshParser.PolicyPortContext p, DslContext context)
    {
        if (context.Int(p.INT().Symbol, "policy port", 1, 65535) is not { } port) return null;
        // The grammar admits only tcp, udp, sctp and any here.
        var protocol = p.protocol?.Text.ToUpperInvariant() ?? "TCP";
        return new PolicyPort(port, protocol, context.At(p));
    }

    private static HttpPolicyRule Http(MeshParser.HttpRuleContext h, DslContext context)
    {
        var headers = h.header().Select(x => FilterReader.Header(x, context)).ToValueList();
        var method = h.method?.Text.ToUpperInvariant();
        var path = h.path is { } p ? DslContext.Unquote(p.Text) : null;
        if (method is null && path is null && headers.IsEmpty)
            context.Diagnostics.ReportDslEmptyClause(context.At(h.Start), "http", "a method, a path or a header in each rule");
        return new HttpPolicyRule(method, path, headers, context.At(h.Start));
    }
}
