using Envoy.Extensions.Filters.Network.TcpProxy.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;
using Meshc.Compiler.BackEnds.Xds;
using Meshc.Compiler.BackEnds.Xds.Gateway;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Passes;
using Meshc.Compiler.Semantics;
using Meshc.Compiler.Tests.BackEnds.Xds.Gateway;

namespace Meshc.Compiler.Tests.Passes;

/// <summary>
/// Cilium's reconciler cases for TLSRoute, Gateway Secrets and BackendTLSPolicy (shared/upstream/cilium-gateway-testdata),
/// compiled by meshc and checked against facts read from Cilium's expected outputs (operator/pkg/gateway-api/testdata/
/// gateway/&lt;case&gt;/output): the CEC each Gateway gets (before the agent's completion) and the status Cilium writes.
/// Known, deliberate differences are named where they apply (SDS names of ConfigMap CAs: Cilium now hashes them,
/// meshc keeps the <c>&lt;ns&gt;-cfgmap-&lt;name&gt;</c> form of its certificate names).
/// </summary>
public class CiliumTlsFactsTests
{
    private const string Infra = "gateway-conformance-infra";

    private static (StatusReport Status, IReadOnlyList<CecModel> Cecs) Compile(string name)
    {
        var compilation = UpstreamCorpus.Compile(UpstreamCorpus.Cilium, name);
        var analysis = PassPipeline.Run(compilation.Model, compilation.Options, new DiagnosticBag());
        return (analysis.Status, GatewayTranslator.Translate(analysis.Bound, compilation.Options, new DiagnosticBag()));
    }

    private static CecModel Cec(IReadOnlyList<CecModel> cecs, string gateway) => cecs.Single(c => c.Name == "cilium-gateway-" + gateway);

    private static Condition Route(StatusReport status, string route, ConditionType type) =>
        status.Routes.Single(r => r.Object.Name == route).Parents.Single().Conditions.Single(c => c.Type == type);

    private static IReadOnlyList<Condition> Policy(StatusReport status, string policy) =>
        status.Policies.Single(p => p.Object.Name == policy).Ancestors.Single().Conditions;

    [SharedFact(UpstreamCorpus.SharedFolder)]
    public void TlsRouteSimpleSameNamespace_OneSniChainToTheBackend_AsCilium()
    {
        var (status, cecs) = Compile("tlsroute-simple-same-namespace");
        var cec = Cec(cecs, "gateway-tlsroute");
        var chains = EnvoyResources.Listener(cec).FilterChains;
        // Cilium: the raw_buffer HCM chain (its TLS listener is an HTTP listener too), then the SNI chain.
        Assert.Equal(["raw_buffer", "tls"], chains.Select(c => c.FilterChainMatch.TransportProtocol));
        Assert.Equal(["abc.example.com"], chains[1].FilterChainMatch.ServerNames);
        var proxy = chains[1].Filters.Single().TypedConfig.Unpack<TcpProxy>();
        Assert.Equal($"{Infra}:tls-backend:443", proxy.Cluster);
        Assert.Equal($"{Infra}:tls-backend:443", proxy.StatPrefix);
        var cluster = EnvoyResources.Clusters(cec).Single();
        Assert.Empty(cluster.TypedExtensionProtocolOptions);
        Assert.Equal($"{Infra}/tls-backend:443", cluster.EdsClusterConfig.ServiceName);
        Assert.Equal([443], cec.Services.Single().Ports);
        Assert.Equal(["tls-backend"], cec.BackendServices.Select(b => b.Name));
        Assert.Empty(EnvoyResources.RouteConfig(cec, "listener-insecure").VirtualHosts);
        ConditionAssert.Is(Route(status, "gateway-conformance-infra-test", ConditionType.Accepted), true, ConditionReason.Accepted);
        ConditionAssert.Is(Route(status, "gateway-conformance-infra-test", ConditionType.ResolvedRefs), true, ConditionReason.ResolvedRefs);
        var listener = status.Gateways.Single(g => g.Object.Name == "gateway-tlsroute").Listeners.Single();
        Assert.Equal(1, listener.AttachedRoutes);
        Assert.Equal("TLSRoute", listener.SupportedKinds.Single().Kind);
    }

    [SharedFact(UpstreamCorpus.SharedFolder)]
    public void TlsRouteHostnameIntersection_ChainsPerBackendInRouteOrder_AsCilium()
    {
        var (status, cecs) = Compile("tlsroute-hostname-intersection");
        var chains = EnvoyResources.Listener(Cec(cecs, "gw-tlsroute-more-specific-wc-hostname-x-2")).FilterChains.Skip(1).ToList();
        Assert.Equal(["abc.example.com"], chains[0].FilterChainMatch.ServerNames);
        Assert.Equal($"{Infra}:tls-backend:443", chains[0].Filters.Single().TypedConfig.Unpack<TcpProxy>().Cluster);
        Assert.Equal(["*.example.com"], chains[1].FilterChainMatch.ServerNames);
        Assert.Equal($"{Infra}:tls-backend-2:443", chains[1].Filters.Single().TypedConfig.Unpack<TcpProxy>().Cluster);
        Assert.Equal(2, status.Gateways.Single(g => g.Object.Name == "gw-tlsroute-more-specific-wc-hostname-x-2").Listeners.Single().AttachedRoutes);
    }

    [SharedFact(UpstreamCorpus.SharedFolder)]
    public void TlsRouteInvalidReferenceGrant_AcceptedButRefNotPermitted_NoChain()
    {
        var (status, cecs) = Compile("tlsroute-invalid-reference-grant");
        ConditionAssert.Is(Route(status, "gateway-conformance-infra-test", ConditionType.Accepted), true, ConditionReason.Accepted);
        ConditionAssert.Is(Route(status, "gateway-conformance-infra-test", ConditionType.ResolvedRefs), false, ConditionReason.RefNotPermitted);
        var cec = Cec(cecs, "gateway-tlsroute-referencegrant");
        Assert.Equal(["raw_buffer"], EnvoyResources.Listener(cec).FilterChains.Select(c => c.FilterChainMatch.TransportProtocol));
        Assert.Empty(EnvoyResources.Clusters(cec));
        Assert.Empty(cec.BackendServices);
    }

    [SharedTheory(UpstreamCorpus.SharedFolder)]
    [InlineData("gateway-secret-reference-grant-all-in-namespace", "all-certificate")]
    [InlineData("gateway-secret-reference-grant-specific", "specific-certificate")]
    public void GatewaySecretReferenceGrant_ListenerResolvesTheOtherNamespacesSecret(string gateway, string secret)
    {
        var (status, cecs) = Compile(gateway);
        var listener = status.Gateways.Single(g => g.Object.Name == gateway).Listeners.Single();
        ConditionAssert.Is(listener.Conditions.Single(c => c.Type == ConditionType.ResolvedRefs), true, ConditionReason.ResolvedRefs);
        ConditionAssert.Is(listener.Conditions.Single(c => c.Type == ConditionType.Accepted), true, ConditionReason.Accepted);
        var secure = EnvoyResources.Listener(Cec(cecs, gateway)).FilterChains.Single(c => c.TransportSocket is not null);
        var tls = secure.TransportSocket.TypedConfig.Unpack<DownstreamTlsContext>();
        Assert.Equal([$"cilium-secrets/gateway-conformance-web-backend-{secret}"], tls.CommonTlsContext.TlsCertificateSdsSecretConfigs.Select(s => s.Name));
    }

    [SharedFact(UpstreamCorpus.SharedFolder)]
    public void BackendTlsPolicyValid_UpstreamTlsContextAndAcceptedAncestor_AsCilium()
    {
        var (status, cecs) = Compile("httproute-backendtlspolicy-valid");
        var clusters = EnvoyResources.Clusters(Cec(cecs, "same-namespace")).ToDictionary(c => c.Name);
        var tls = clusters[$"{Infra}:backendtlspolicy-test:443"].TransportSocket.TypedConfig.Unpack<UpstreamTlsContext>();
        Assert.Equal("abc.example.com", tls.Sni);
        Assert.Equal(TlsParameters.Types.TlsProtocol.Tlsv13, tls.CommonTlsContext.TlsParams.TlsMaximumProtocolVersion);
        var combined = tls.CommonTlsContext.CombinedValidationContext;
        Assert.Equal("abc.example.com", combined.DefaultValidationContext.MatchTypedSubjectAltNames.Single().Matcher.Exact);
        Assert.Equal(SubjectAltNameMatcher.Types.SanType.Dns, combined.DefaultValidationContext.MatchTypedSubjectAltNames.Single().SanType);
        Assert.Equal("cilium-secrets/gateway-conformance-infra-cfgmap-tls-checks-ca-certificate", combined.ValidationContextSdsSecretConfig.Name);
        var mismatch = clusters[$"{Infra}:backendtlspolicy-host-mismatch-test:443"].TransportSocket.TypedConfig.Unpack<UpstreamTlsContext>();
        Assert.Equal("mismatch.example.com", mismatch.Sni);
        Assert.Equal("cilium-secrets/gateway-conformance-infra-cfgmap-mismatch-ca-certificate",
            clusters[$"{Infra}:backendtlspolicy-cert-mismatch-test:443"].TransportSocket.TypedConfig.Unpack<UpstreamTlsContext>()
                .CommonTlsContext.CombinedValidationContext.ValidationContextSdsSecretConfig.Name);
        var normative = status.Policies.Single(p => p.Object.Name == "normative-test").Ancestors.Single();
        Assert.Equal(("Gateway", "same-namespace"), (normative.AncestorRef.Kind, normative.AncestorRef.Name));
        ConditionAssert.Is(normative.Conditions.Single(c => c.Type == ConditionType.Accepted), true, ConditionReason.Accepted);
        ConditionAssert.Is(normative.Conditions.Single(c => c.Type == ConditionType.ResolvedRefs), true, ConditionReason.ResolvedRefs);
    }

    [SharedFact(UpstreamCorpus.SharedFolder)]
    public void BackendTlsPolicyInvalidKind_NoValidCACertificateAndInvalidKind_AsCilium()
    {
        var (status, _) = Compile("httproute-backendtlspolicy-invalid-kind");
        var conditions = Policy(status, "invalid-kind");
        ConditionAssert.Is(conditions.Single(c => c.Type == ConditionType.Accepted), false, ConditionReason.NoValidCACertificate);
        ConditionAssert.Is(conditions.Single(c => c.Type == ConditionType.ResolvedRefs), false, ConditionReason.InvalidKind);
        Assert.Equal("Only ConfigMaps are supported for CA Certificate Refs", conditions[0].Message);
    }

    [SharedFact(UpstreamCorpus.SharedFolder)]
    public void BackendTlsPolicyNonexistentCa_InvalidCACertificateRef_AsCilium()
    {
        var (status, _) = Compile("httproute-backendtlspolicy-invalid-ca-cert");
        var conditions = Policy(status, "nonexistent-ca-certificate-ref");
        ConditionAssert.Is(conditions.Single(c => c.Type == ConditionType.Accepted), false, ConditionReason.NoValidCACertificate);
        ConditionAssert.Is(conditions.Single(c => c.Type == ConditionType.ResolvedRefs), false, ConditionReason.InvalidCACertificateRef);
        Assert.Equal($"CA Certificate does not exist: {Infra}/nonexistent-ca-certificate", conditions[0].Message);
        // The route itself stays accepted with its references resolved, as Cilium writes it.
        ConditionAssert.Is(Route(status, "backendtlspolicy-invalid-ca-certificate-ref", ConditionType.ResolvedRefs), true, ConditionReason.ResolvedRefs);
    }

    [SharedFact(UpstreamCorpus.SharedFolder)]
    public void BackendTlsPolicyConflict_SecondOnTheSameSectionIsConflicted_AsCilium()
    {
        var (status, _) = Compile("httproute-backendtlspolicy-conflict-resolution");
        var loser = Policy(status, "conflicted-with-section-name-2");
        ConditionAssert.Is(loser.Single(), false, ConditionReason.Conflicted);
        Assert.Equal("BackendTLSPolicy conflicts with another", loser.Single().Message);
        ConditionAssert.Is(Policy(status, "conflicted-with-section-name-1").Single(c => c.Type == ConditionType.Accepted), true, ConditionReason.Accepted);
        ConditionAssert.Is(Policy(status, "not-conflicted-with-section-name").Single(c => c.Type == ConditionType.Accepted), true, ConditionReason.Accepted);
    }
}
