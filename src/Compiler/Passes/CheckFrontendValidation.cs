using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Passes;

/// <summary>
/// Client-certificate validation of an HTTPS listener, from the Gateway's <c>spec.tls.frontend</c> (the listener port's
/// own settings, else the default). Each CA reference must be a core ConfigMap or Secret (else ResolvedRefs=False
/// InvalidCACertificateKind), permitted across namespaces by a ReferenceGrant (RefNotPermitted) and hold a PEM
/// <c>ca.crt</c> (InvalidCACertificateRef; one absent from the input is a warning, MC0267, and unusable, as the
/// conformance suite expects of a reference that does not resolve). A listener left with no usable CA is not accepted
/// (NoValidCACertificate), so it is not programmed and the Gateway's other listeners are. The first usable reference is the CA bundle (Envoy's validation context holds one).
/// </summary>
internal static class CheckFrontendValidation
{
    public static void Run(PassContext context, Gateway gateway, ListenerFacts facts)
    {
        if (gateway.Frontend?.For(facts.Listener.Port) is not { } validation) return;
        TlsCaRef? chosen = null;
        Problem? problem = null;
        foreach (var reference in validation.CaCertificateRefs)
        {
            var (usable, failure) = Resolve(context, gateway, reference);
            if (failure is not null) problem ??= failure;
            chosen ??= usable;
        }
        if (problem is not null) facts.FailRefs(problem);
        if (chosen is null)
        {
            var message = problem?.Message ?? "client certificate validation lists no CA certificate";
            facts.Reject(new Problem(ConditionReason.NoValidCACertificate, message));
            return;
        }
        facts.ClientValidation = new ClientValidation(chosen, validation.Mode == FrontendValidation.AllowInsecureFallback);
    }

    private static (TlsCaRef? Usable, Problem? Failure) Resolve(PassContext context, Gateway gateway, ObjectRef reference)
    {
        var diagnostics = context.Diagnostics;
        var name = gateway.Key.QualifiedName;
        var ns = reference.NamespaceOr(gateway.Meta.Namespace);
        var isCore = reference.Group is "" or "core";
        if (!isCore || reference.Kind is not ("ConfigMap" or "Secret"))
        {
            var kind = reference.Group.Length == 0 ? reference.Kind : $"{reference.Group}/{reference.Kind}";
            var d = diagnostics.ReportFrontendCaRefInvalidKind(reference.Origin, name, kind);
            return (null, new Problem(ConditionReason.InvalidCACertificateKind, d.Message));
        }
        var qualified = $"{ns}/{reference.Name}";
        if (!context.Grants.IsAllowed(RouteGroupKind.GatewayGroup, "Gateway", gateway.Meta.Namespace, "", reference.Kind, ns, reference.Name))
        {
            var d = diagnostics.ReportFrontendCaRefNotPermitted(reference.Origin, name, reference.Kind, qualified);
            return (null, new Problem(ConditionReason.RefNotPermitted, d.Message));
        }
        var isConfigMap = reference.Kind == "ConfigMap";
        bool? holdsCa = isConfigMap
            ? context.Index.Find<ConfigMapInfo>(ObjectKind.ConfigMap, ns, reference.Name)?.HasCaCertificate
            : context.Index.FindSecret(ns, reference.Name)?.HasCaCertificate;
        var usable = new TlsCaRef(isConfigMap, ns, reference.Name);
        switch (holdsCa)
        {
            case null:
                var missing = diagnostics.ReportFrontendCaRefNotFound(reference.Origin, name, reference.Kind, qualified);
                return (null, new Problem(ConditionReason.InvalidCACertificateRef, missing.Message));
            case false:
                var broken = diagnostics.ReportFrontendCaRefNotCa(reference.Origin, name, reference.Kind, qualified);
                return (null, new Problem(ConditionReason.InvalidCACertificateRef, broken.Message));
            default:
                return (usable, null);
        }
    }
}
