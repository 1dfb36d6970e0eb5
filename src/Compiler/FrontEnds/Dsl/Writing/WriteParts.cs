using System.Text;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.FrontEnds.Dsl.Writing;

/// <summary>The statements other than routes, each on the lines the formatter would give it.</summary>
internal static class WriteParts
{
    public static string Pad(int depth) => new(' ', depth * 2);

    public static string Metadata(ObjectMeta meta) =>
        (meta.Labels.IsEmpty ? "" : " labels " + DslText.Labels(meta.Labels)) +
        (meta.Annotations.IsEmpty ? "" : " annotations " + DslText.Labels(meta.Annotations));

    public static void GatewayClass(StringBuilder sb, GatewayClass c) =>
        Flexible(sb, 0, "gateway-class " + DslText.Word(c.Meta.Name), ["controller " + DslText.Value(c.ControllerName)], c.Meta);

    public static void Gateway(StringBuilder sb, Gateway g, int depth)
    {
        sb.Append(Pad(depth)).Append("gateway ").Append(DslText.Word(g.Meta.Name));
        if (g.ClassName != "cilium") sb.Append(" class ").Append(DslText.Word(g.ClassName));
        if (!g.Addresses.IsEmpty) sb.Append(" address ").Append(string.Join(", ", g.Addresses.Select(a => DslText.Value(a.Value ?? ""))));
        if (!g.InfrastructureLabels.IsEmpty) sb.Append(" infrastructure labels ").Append(DslText.Labels(g.InfrastructureLabels));
        if (!g.InfrastructureAnnotations.IsEmpty) sb.Append(" infrastructure annotations ").Append(DslText.Labels(g.InfrastructureAnnotations));
        sb.Append(Metadata(g.Meta));
        var children = g.Listeners.Select(Listener).Concat(ClientCerts(g.Frontend)).ToList();
        if (children.Count == 0) { sb.Append('\n'); return; }
        sb.Append(" {\n");
        foreach (var child in children) sb.Append(Pad(depth + 1)).Append(child).Append('\n');
        sb.Append(Pad(depth)).Append("}\n");
    }

    /// <summary>The <c>client-certs</c> lines of a gateway: the default first, then each port's own.</summary>
    private static IEnumerable<string> ClientCerts(FrontendTls? frontend)
    {
        if (frontend is null) yield break;
        if (frontend.Default is { } d) yield return "client-certs" + Validation(d);
        foreach (var p in frontend.PerPort)
            yield return "client-certs port " + DslText.Int(p.Port) + (p.Validation is { } v ? Validation(v) : "");
    }

    private static string Validation(FrontendValidation v) =>
        (v.CaCertificateRefs.IsEmpty ? "" : " " + CaList(v.CaCertificateRefs)) +
        (v.Mode == FrontendValidation.AllowInsecureFallback ? " insecure-fallback" : "");

    private static string CaList(IEnumerable<ObjectRef> refs) => "ca " + string.Join(", ", refs.Select(CaRef));

    private static string CaRef(ObjectRef r) =>
        (r.Kind == "Secret" ? "secret " : "") + DslText.Word(r.Namespace is null ? r.Name : $"{r.Namespace}/{r.Name}");

    public static void ConfigMap(StringBuilder sb, ConfigMapInfo c, int depth)
    {
        var clauses = new List<string>();
        if (c.HasCaCertificate) clauses.Add("ca");
        var keys = c.Keys.Where(k => !c.HasCaCertificate || k != "ca.crt").ToList();
        if (keys.Count > 0) clauses.Add("keys " + string.Join(", ", keys.Select(DslText.Value)));
        Flexible(sb, depth, "config-map " + DslText.Word(c.Meta.Name), clauses, c.Meta);
    }

    public static void BackendTls(StringBuilder sb, BackendTlsPolicy p, int depth)
    {
        var clauses = new List<string>();
        if (!p.TargetRefs.IsEmpty)
            clauses.Add("target " + string.Join(", ", p.TargetRefs.Select(t => DslText.Word(t.Name) + (t.SectionName is { } s ? " port " + DslText.Word(s) : ""))));
        clauses.Add("host " + DslText.Value(p.Hostname));
        // A bare `system` reads as the well-known CAs, so a config map of that name is quoted.
        var cas = p.CaCertificateRefs.Select(r => r is { Kind: "ConfigMap", Namespace: null, Name: "system" } ? "\"system\"" : CaRef(r)).ToList();
        if (p.WellKnownCaCertificates is not null) cas.Insert(0, "system");
        if (cas.Count > 0) clauses.Add("ca " + string.Join(", ", cas));
        if (!p.SubjectAltNames.IsEmpty) clauses.Add("san " + string.Join(", ", p.SubjectAltNames.Select(s => DslText.Value(s.Value))));
        Flexible(sb, depth, "backend-tls " + DslText.Word(p.Meta.Name), clauses, p.Meta);
    }

    private static string Listener(Listener l)
    {
        var sb = new StringBuilder($"listener {DslText.Word(l.Name)} {l.ProtocolText.ToLowerInvariant()} {DslText.Int(l.Port)}");
        if (l.Hostname is { } h) sb.Append(" host ").Append(DslText.Value(h));
        if (l.Tls is { } tls)
        {
            var certs = tls.CertificateRefs.Select(c => DslText.Word(c.Namespace is null ? c.Name : $"{c.Namespace}/{c.Name}")).ToList();
            // The mode is written when it is not the default, and when a bare first Secret name would read as a mode.
            if (tls.Mode == "Passthrough" || certs.Count == 0 || certs[0] is "passthrough" or "terminate")
                certs.Insert(0, tls.Mode.ToLowerInvariant());
            sb.Append(" tls ").Append(string.Join(", ", certs));
        }
        var a = l.AllowedRoutes;
        if (a.From != NamespacesFrom.Same || !a.Kinds.IsEmpty)
        {
            sb.Append(" allow");
            if (a.From == NamespacesFrom.All) sb.Append(" from all");
            if (a.From == NamespacesFrom.Selector) sb.Append(" from ").Append(DslText.Labels(a.Selector?.MatchLabels ?? ValueList<Label>.Empty));
            if (!a.Kinds.IsEmpty) sb.Append(" kinds ").Append(string.Join(", ", a.Kinds.Select(k => DslText.Word(k.Kind))));
        }
        return sb.ToString();
    }

    public static void Service(StringBuilder sb, Service s, int depth)
    {
        var clauses = new List<string>();
        if (s.Type != "ClusterIP") clauses.Add("type " + DslText.Word(s.Type));
        foreach (var p in s.Ports)
        {
            var port = "port" + (p.Name is { } n ? " " + DslText.Word(n) : "") + " " + DslText.Int(p.Port);
            if (p.Protocol != "TCP") port += " " + p.Protocol.ToLowerInvariant();
            if (p.TargetPort is { } t && t != DslText.Int(p.Port)) port += " -> " + DslText.Value(t);
            if (p.AppProtocol is { } app) port += " app-protocol " + DslText.Value(app);
            clauses.Add(port);
        }
        if (!s.Selector.IsEmpty) clauses.Add("select " + DslText.Labels(s.Selector));
        if (!s.ClusterIPs.IsEmpty) clauses.Add("ip " + string.Join(", ", s.ClusterIPs.Select(DslText.Value)));
        Flexible(sb, depth, "service " + DslText.Word(s.Meta.Name), clauses, s.Meta);
    }

    public static void Workload(StringBuilder sb, Workload w, int depth)
    {
        var clauses = new List<string>();
        if (w.Kind != "Deployment") clauses.Add("kind " + w.Kind);
        if (!w.PodLabels.IsEmpty) clauses.Add("pods " + DslText.Labels(w.PodLabels));
        if (w.Replicas != 1) clauses.Add("replicas " + DslText.Int(w.Replicas));
        Flexible(sb, depth, "workload " + DslText.Word(w.Meta.Name), clauses, w.Meta);
    }

    public static void Secret(StringBuilder sb, Secret s, int depth)
    {
        var clauses = new List<string>();
        if (s.HasTlsPair) clauses.Add("tls");
        if (s.HasCaCertificate) clauses.Add("ca");
        if (s.Type != (s.HasTlsPair ? "kubernetes.io/tls" : "Opaque")) clauses.Add("type " + DslText.Word(s.Type));
        var keys = s.Keys.Where(k => !(s.HasTlsPair && k is "tls.crt" or "tls.key") && !(s.HasCaCertificate && k == "ca.crt")).ToList();
        if (keys.Count > 0) clauses.Add("keys " + string.Join(", ", keys.Select(DslText.Value)));
        Flexible(sb, depth, "secret " + DslText.Word(s.Meta.Name), clauses, s.Meta);
    }

    public static void Grant(StringBuilder sb, ReferenceGrant g, int depth)
    {
        var clauses = new List<string>();
        if (!g.From.IsEmpty) clauses.Add("from " + string.Join(", ", g.From.Select(f => $"{DslText.Word(f.Namespace)} {DslText.Word(f.Kind)}")));
        if (!g.To.IsEmpty) clauses.Add("to " + string.Join(", ", g.To.Select(t => DslText.Word(t.Kind) + (t.Name is { } n ? " " + DslText.PlainWord(n) : ""))));
        Flexible(sb, depth, "grant " + DslText.Word(g.Meta.Name), clauses, g.Meta);
    }

    public static void Policy(StringBuilder sb, Policy p, int depth)
    {
        sb.Append(Pad(depth)).Append("policy ").Append(DslText.Word(p.Meta.Name));
        if (!p.Subject.MatchLabels.IsEmpty) sb.Append(" select ").Append(DslText.Labels(p.Subject.MatchLabels));
        sb.Append(Metadata(p.Meta));
        if (p.Rules.IsEmpty) { sb.Append('\n'); return; }
        sb.Append(" {\n");
        foreach (var r in p.Rules) sb.Append(Pad(depth + 1)).Append(PolicyRule(r)).Append('\n');
        sb.Append(Pad(depth)).Append("}\n");
    }

    private static string PolicyRule(PolicyRule r)
    {
        var sb = new StringBuilder(r.Action == PolicyAction.Allow ? "allow" : "deny");
        sb.Append(r.Direction == TrafficDirection.Ingress ? " from " : " to ");
        sb.Append(r.Peer is null ? "*" : DslText.Labels(r.Peer.MatchLabels));
        if (!r.Ports.IsEmpty)
            sb.Append(" port ").Append(string.Join(", ", r.Ports.Select(p => DslText.Int(p.Port) + (p.Protocol == "TCP" ? "" : " " + p.Protocol.ToLowerInvariant()))));
        if (!r.Http.IsEmpty)
            sb.Append(" http ").Append(string.Join(", ", r.Http.Select(h => string.Join(" ", new[]
            {
                h.Method,
                h.Path is null ? null : DslText.Path(h.Path),
                h.Headers.IsEmpty ? null : "header " + string.Join(", ", h.Headers.Select(x => $"{DslText.Value(x.Name)}={DslText.Value(x.Value)}")),
            }.OfType<string>()))));
        return sb.ToString();
    }

    /// <summary>One line when it fits in 100 columns, else one clause per line in braces (as <c>meshc fmt</c> does).</summary>
    private static void Flexible(StringBuilder sb, int depth, string head, List<string> clauses, ObjectMeta meta)
    {
        if (!meta.Labels.IsEmpty) clauses.Add("labels " + DslText.Labels(meta.Labels));
        if (!meta.Annotations.IsEmpty) clauses.Add("annotations " + DslText.Labels(meta.Annotations));
        var line = string.Join(" ", new[] { head }.Concat(clauses));
        if (clauses.Count == 0 || depth * 2 + line.Length <= 100)
        {
            sb.Append(Pad(depth)).Append(line).Append('\n');
            return;
        }
        sb.Append(Pad(depth)).Append(head).Append(" {\n");
        foreach (var c in clauses) sb.Append(Pad(depth + 1)).Append(c).Append('\n');
        sb.Append(Pad(depth)).Append("}\n");
    }
}
