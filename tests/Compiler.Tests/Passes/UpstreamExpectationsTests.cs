using Meshc.Compiler.Semantics;
using Xunit.Abstractions;

namespace Meshc.Compiler.Tests.Passes;

/// <summary>
/// What the deliberately invalid upstream cases are about, checked by hand against each file's intent: the code
/// meshc reports and the condition that names the same fault. Targets: <c>route:name[#parent]</c>,
/// <c>listener:gateway/listener</c>, <c>gateway:name</c>.
/// </summary>
public class UpstreamExpectationsTests(ITestOutputHelper output)
{
    private const string C = UpstreamCorpus.Conformance;
    private const string Cil = UpstreamCorpus.Cilium;

    public static TheoryData<string, string, string, string, ConditionType, bool, ConditionReason> Cases => new()
    {
        { C, "httproute-invalid-nonexistent-backendref", "MC0201", "route:invalid-nonexistent-backend-ref", ConditionType.ResolvedRefs, false, ConditionReason.BackendNotFound },
        { C, "httproute-invalid-nonexistent-backendref", "MC0201", "route:invalid-nonexistent-backend-ref", ConditionType.Accepted, true, ConditionReason.Accepted },
        { C, "httproute-invalid-cross-namespace-backend-ref", "MC0205", "route:invalid-cross-namespace-backend-ref", ConditionType.ResolvedRefs, false, ConditionReason.RefNotPermitted },
        { C, "httproute-invalid-reference-grant", "MC0205", "route:reference-grant", ConditionType.ResolvedRefs, false, ConditionReason.RefNotPermitted },
        { C, "httproute-partially-invalid-via-invalid-reference-grant", "MC0205", "route:invalid-reference-grant", ConditionType.ResolvedRefs, false, ConditionReason.RefNotPermitted },
        { C, "httproute-invalid-backendref-unknown-kind", "MC0206", "route:invalid-backend-ref-unknown-kind", ConditionType.ResolvedRefs, false, ConditionReason.InvalidKind },
        { C, "httproute-invalid-parentref-not-matching-section-name", "MC0203", "route:httproute-listener-not-matching-section-name", ConditionType.Accepted, false, ConditionReason.NoMatchingParent },
        { C, "httproute-invalid-parentref-not-matching-listener-port", "MC0204", "route:httproute-listener-not-matching-route-port", ConditionType.Accepted, false, ConditionReason.NoMatchingParent },
        { C, "httproute-invalid-cross-namespace-parent-ref", "MC0209", "route:invalid-cross-namespace-parent-ref", ConditionType.Accepted, false, ConditionReason.NotAllowedByListeners },
        { C, "httproute-disallowed-kind", "MC0210", "route:disallowed-kind", ConditionType.Accepted, false, ConditionReason.NotAllowedByListeners },
        { C, "httproute-hostname-intersection", "MC0211", "route:no-intersecting-hosts", ConditionType.Accepted, false, ConditionReason.NoMatchingListenerHostname },
        { C, "gateway-invalid-route-kind", "MC0231", "listener:gateway-only-invalid-route-kind/http", ConditionType.ResolvedRefs, false, ConditionReason.InvalidRouteKinds },
        { C, "gateway-invalid-route-kind", "MC0231", "listener:gateway-supported-and-invalid-route-kind/http", ConditionType.ResolvedRefs, false, ConditionReason.InvalidRouteKinds },
        { C, "gateway-invalid-route-kind", "MC0231", "gateway:gateway-only-invalid-route-kind", ConditionType.Accepted, false, ConditionReason.ListenersNotValid },
        { C, "gateway-invalid-tls-configuration", "MC0214", "listener:gateway-certificate-nonexistent-secret/https", ConditionType.ResolvedRefs, false, ConditionReason.InvalidCertificateRef },
        { C, "gateway-invalid-tls-configuration", "MC0216", "listener:gateway-certificate-unsupported-group/https", ConditionType.ResolvedRefs, false, ConditionReason.InvalidCertificateRef },
        { C, "gateway-invalid-tls-configuration", "MC0216", "listener:gateway-certificate-unsupported-kind/https", ConditionType.ResolvedRefs, false, ConditionReason.InvalidCertificateRef },
        { C, "gateway-invalid-tls-configuration", "MC0230", "listener:gateway-certificate-malformed-secret/https", ConditionType.ResolvedRefs, false, ConditionReason.InvalidCertificateRef },
        { C, "gateway-secret-missing-reference-grant", "MC0215", "listener:gateway-secret-missing-reference-grant/https", ConditionType.ResolvedRefs, false, ConditionReason.RefNotPermitted },
        { C, "gateway-invalid-listeners-unsupported-protocol", "MC0310", "listener:gateway-only-unsupported-protocols/invalid", ConditionType.Accepted, false, ConditionReason.UnsupportedProtocol },
        { C, "gateway-invalid-listeners-unsupported-protocol", "MC0310", "gateway:gateway-supported-and-unsupported-protocols", ConditionType.Accepted, true, ConditionReason.ListenersNotValid },
        { C, "gateway-invalid-parameters-ref", "MC0232", "gateway:gateway-invalid-parameters-ref", ConditionType.Accepted, false, ConditionReason.InvalidParameters },
        { Cil, "httproute-invalid-nonexistent-backendref", "MC0201", "route:invalid-nonexistent-backend-ref", ConditionType.ResolvedRefs, false, ConditionReason.BackendNotFound },
        { Cil, "httproute-invalid-backendref-missing-service-port", "MC0207", "route:invalid-backend-ref-missing-service-port", ConditionType.ResolvedRefs, false, ConditionReason.InvalidKind },
        { Cil, "httproute-invalid-parentref-types", "MC0202", "route:partial-valid-parentref-and-other-gateway#1", ConditionType.Accepted, false, ConditionReason.NoMatchingParent },
        { Cil, "httproute-invalid-parentref-types", "MC0222", "route:partial-valid-parentref-and-other-gateway#0", ConditionType.Accepted, true, ConditionReason.Accepted },
        { Cil, "gateway-secret-invalid-reference-grant", "MC0215", "listener:gateway-secret-invalid-reference-grant/https", ConditionType.ResolvedRefs, false, ConditionReason.RefNotPermitted },
    };

    [SharedTheory(UpstreamCorpus.SharedFolder)]
    [MemberData(nameof(Cases))]
    public void Passes_InvalidUpstreamCase_ReportsIntendedFault(
        string corpus, string name, string code, string target, ConditionType type, bool status, ConditionReason reason)
    {
        var result = UpstreamCorpus.Compile(corpus, name).Check();
        foreach (var d in result.Diagnostics.Where(d => d.Code.Value.StartsWith("MC02", StringComparison.Ordinal) || d.Code.Value.StartsWith("MC03", StringComparison.Ordinal)))
            output.WriteLine(d.ToString());
        Assert.Contains(result.Diagnostics, d => d.Code.Value == code);
        ConditionAssert.Is(Find(result.Status, target, type), status, reason);
    }

    private static Condition Find(StatusReport status, string target, ConditionType type)
    {
        var (kind, rest) = (target[..target.IndexOf(':')], target[(target.IndexOf(':') + 1)..]);
        switch (kind)
        {
            case "route":
                var parts = rest.Split('#');
                var parent = parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : 0;
                return status.Routes.Single(r => r.Object.Name == parts[0]).Parents[parent].Conditions.Single(c => c.Type == type);
            case "listener":
                var names = rest.Split('/');
                return status.Gateways.Single(g => g.Object.Name == names[0]).Listeners.Single(l => l.Name == names[1])
                    .Conditions.Single(c => c.Type == type);
            default:
                return status.Gateways.Single(g => g.Object.Name == rest).Conditions.Single(c => c.Type == type);
        }
    }
}
