using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Passes;

/// <summary>
/// Checks the TLS settings of HTTPS listeners: mode Terminate with at least one certificateRef, and each ref a core
/// Secret the Gateway may read (ReferenceGrant across namespaces) that holds a PEM pair. A Secret absent from the
/// input is only a warning — it may exist in the cluster — and stays usable; broken refs are dropped, and a
/// listener with no usable certificate is not accepted. HTTP listeners must not have TLS settings. TLS listeners
/// must pass TLS through (mode Passthrough: Cilium terminates TLS only on HTTPS listeners). An HTTPS listener whose
/// port the Gateway's <c>spec.tls.frontend</c> covers gets client-certificate validation (<see cref="CheckFrontendValidation"/>).
/// </summary>
internal sealed class CheckListenerTls : IPass
{
    public void Run(PassContext context)
    {
        foreach (var gateway in context.Gateways.All)
        foreach (var facts in gateway.Listeners)
        {
            var listener = facts.Listener;
            if (listener.Protocol == ListenerProtocol.HTTP && listener.Tls is { } unexpected)
                Invalid(context, facts, unexpected.Origin, "HTTP listeners take no tls settings; use protocol HTTPS", ConditionReason.UnsupportedValue);
            else if (listener.Protocol == ListenerProtocol.HTTPS)
            {
                CheckHttps(context, gateway.Gateway, facts);
                CheckFrontendValidation.Run(context, gateway.Gateway, facts);
            }
            else if (listener.Protocol == ListenerProtocol.TLS)
                CheckPassthrough(context, facts);
        }
    }

    private static void CheckPassthrough(PassContext context, ListenerFacts facts)
    {
        var listener = facts.Listener;
        if (listener.Tls is not { } tls)
            Invalid(context, facts, listener.Origin, "TLS listeners need tls.mode Passthrough", ConditionReason.UnsupportedValue);
        else if (tls.Mode != "Passthrough")
            Invalid(context, facts, tls.Origin, $"TLS listeners pass TLS through to the backend; mode {tls.Mode} is not supported (terminate TLS on an HTTPS listener)", ConditionReason.UnsupportedValue);
    }

    private static void CheckHttps(PassContext context, Gateway gateway, ListenerFacts facts)
    {
        var listener = facts.Listener;
        if (listener.Tls is not { } tls)
        {
            Invalid(context, facts, listener.Origin, "HTTPS needs tls.certificateRefs", ConditionReason.InvalidCertificateRef);
            return;
        }
        if (tls.Mode != "Terminate")
        {
            Invalid(context, facts, tls.Origin, $"HTTPS terminates TLS; mode {tls.Mode} is not allowed", ConditionReason.UnsupportedValue);
            return;
        }
        if (tls.CertificateRefs.IsEmpty)
        {
            Invalid(context, facts, tls.Origin, "HTTPS needs at least one certificateRef", ConditionReason.InvalidCertificateRef);
            return;
        }
        foreach (var certificate in tls.CertificateRefs)
            if (Resolve(context, gateway, facts, certificate) is { } usable) facts.Certificates.Add(usable);
        if (facts.Certificates.Count == 0 && facts.RefsProblem is { } problem)
            facts.Reject(problem with { Message = $"no usable certificate: {problem.Message}" });
    }

    private static ObjectRef? Resolve(PassContext context, Gateway gateway, ListenerFacts facts, ObjectRef certificate)
    {
        var listener = facts.Listener.Name;
        // A ListenerSet's listener reads Secrets as the set: its namespace, and grants from kind ListenerSet (GEP-1713:
        // a grant to the Gateway is not inherited, nor the other way round).
        var owner = facts.Namespace(gateway);
        var fromKind = facts.Set is null ? "Gateway" : "ListenerSet";
        var ns = certificate.NamespaceOr(owner);
        var qualified = $"{ns}/{certificate.Name}";
        if (certificate.Kind != "Secret" || certificate.Group is not ("" or "core"))
        {
            var kind = certificate.Group.Length == 0 ? certificate.Kind : $"{certificate.Group}/{certificate.Kind}";
            var d = context.Diagnostics.ReportCertificateRefInvalidKind(certificate.Origin, listener, kind);
            facts.FailRefs(new Problem(ConditionReason.InvalidCertificateRef, d.Message));
            return null;
        }
        if (!context.Grants.IsAllowed(RouteGroupKind.GatewayGroup, fromKind, owner, "", "Secret", ns, certificate.Name))
        {
            var d = context.Diagnostics.ReportCertificateRefNotPermitted(certificate.Origin, listener, qualified);
            facts.FailRefs(new Problem(ConditionReason.RefNotPermitted, d.Message));
            return null;
        }
        var usable = certificate with { Namespace = ns };
        switch (context.Index.FindSecret(ns, certificate.Name))
        {
            case null:
                var missing = context.Diagnostics.ReportCertificateRefNotFound(certificate.Origin, listener, qualified);
                facts.FailRefs(new Problem(ConditionReason.InvalidCertificateRef, missing.Message));
                return usable;
            case { HasTlsPair: false }:
                var broken = context.Diagnostics.ReportCertificateRefNotTls(certificate.Origin, listener, qualified);
                facts.FailRefs(new Problem(ConditionReason.InvalidCertificateRef, broken.Message));
                return null;
            default:
                return usable;
        }
    }

    /// <summary>Settings that make the listener unusable: not accepted; a missing certificate also fails ResolvedRefs.</summary>
    private static void Invalid(PassContext context, ListenerFacts facts, Text.SourceLocation at, string text, ConditionReason reason)
    {
        var d = context.Diagnostics.ReportInvalidListenerTls(at, facts.Listener.Name, text);
        if (reason == ConditionReason.InvalidCertificateRef) facts.FailRefs(new Problem(reason, d.Message));
        facts.Reject(new Problem(reason, d.Message));
    }
}
