using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Passes;

/// <summary>
/// Checks every BackendTLSPolicy as Cilium does and records the upstream TLS of the Service ports it targets. Targets
/// must be core Services. CA references must be core ConfigMaps in the policy's namespace that exist in the input and
/// hold a PEM <c>ca.crt</c> (else Accepted=False NoValidCACertificate, ResolvedRefs=False InvalidKind or
/// InvalidCACertificateRef, and the policy is not applied: the backend is reached in plaintext, as in Cilium);
/// <c>wellKnownCACertificates: System</c> verifies against the system's CAs. Two policies on the same target
/// (Service and sectionName) conflict: the first by namespace/name keeps it, the other is Accepted=False Conflicted.
/// Problems are warnings: Cilium programs the Gateway all the same.
/// </summary>
internal sealed class CheckBackendTlsPolicies : IPass
{
    public void Run(PassContext context)
    {
        foreach (var policy in context.Model.BackendTlsPolicies.OrderBy(p => p.Key))
        {
            var facts = new BackendTlsFacts(policy);
            context.BackendTls.All.Add(facts);
            foreach (var target in policy.TargetRefs)
            {
                if (target.Kind == "Service" && target.Group is "" or "core")
                    facts.Targets.Add((policy.Meta.Namespace, target.Name, target.SectionName));
                else
                    context.Diagnostics.ReportBackendTlsTargetInvalid(target.Origin, policy.Key.QualifiedName,
                        $"{(target.Group.Length == 0 ? target.Kind : $"{target.Group}/{target.Kind}")} '{target.Name}'", "only core Services are supported");
            }
            if (Validation(context, facts) is not { } tls) continue;
            foreach (var (ns, service, section) in facts.Targets)
            {
                if (context.BackendTls.Holder(ns, service, section) is { } winner)
                {
                    var target = section is null ? $"Service '{ns}/{service}'" : $"Service '{ns}/{service}' port '{section}'";
                    context.Diagnostics.ReportBackendTlsPolicyConflict(policy.Meta.Origin, policy.Key.QualifiedName, target, winner.QualifiedName);
                    facts.Conflicted = true;
                }
            }
            if (facts.Conflicted) continue;
            foreach (var (ns, service, section) in facts.Targets) context.BackendTls.Apply(ns, service, section, policy.Key, tls);
        }
    }

    /// <summary>The upstream TLS the policy asks for, or null (with the policy marked invalid) when it cannot be applied.</summary>
    private static UpstreamTls? Validation(PassContext context, BackendTlsFacts facts)
    {
        var policy = facts.Policy;
        var name = policy.Key.QualifiedName;
        var diagnostics = context.Diagnostics;
        TlsCaRef? ca = null;
        foreach (var reference in policy.CaCertificateRefs)
        {
            if (reference.Kind != "ConfigMap" || reference.Group is not ("" or "core"))
            {
                var kind = reference.Group.Length == 0 ? reference.Kind : $"{reference.Group}/{reference.Kind}";
                diagnostics.ReportBackendTlsCaRefInvalidKind(reference.Origin, name, kind);
                return Invalid(facts, ConditionReason.InvalidKind, "Only ConfigMaps are supported for CA Certificate Refs");
            }
            var qualified = $"{policy.Meta.Namespace}/{reference.Name}";
            switch (context.Index.Find<ConfigMapInfo>(ObjectKind.ConfigMap, policy.Meta.Namespace, reference.Name))
            {
                case null:
                    diagnostics.ReportBackendTlsCaRefNotFound(reference.Origin, name, qualified);
                    return Invalid(facts, ConditionReason.InvalidCACertificateRef, $"CA Certificate does not exist: {qualified}");
                case { HasCaCertificate: false }:
                    diagnostics.ReportBackendTlsCaRefNotCa(reference.Origin, name, qualified);
                    return Invalid(facts, ConditionReason.InvalidCACertificateRef, $"CA Certificate is not valid PEM: {qualified}");
                default:
                    ca ??= new TlsCaRef(true, policy.Meta.Namespace, reference.Name);
                    break;
            }
        }
        var system = policy.WellKnownCaCertificates == "System";
        if (ca is null && !system)
        {
            diagnostics.ReportBackendTlsNoValidation(policy.ValidationOrigin, name);
            return Invalid(facts, ConditionReason.InvalidCACertificateRef, "no CA certificate to validate the backend with");
        }
        return new UpstreamTls(policy.Hostname, ca, ca is null && system, policy.SubjectAltNames);
    }

    private static UpstreamTls? Invalid(BackendTlsFacts facts, ConditionReason refsReason, string message)
    {
        facts.Invalid = (new Problem(ConditionReason.NoValidCACertificate, message), new Problem(refsReason, message));
        return null;
    }
}
