using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Tests.Passes;

public class CheckListenerTlsTests
{
    // "-----BEGIN X-----" in base64, enough for the reader's PEM test.
    private const string Pem = "LS0tLS1CRUdJTiBYLS0tLS0K";

    private static Checked Run(string certificateRefs, string extra = "") => Checked.Run($"""
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata:
          name: gw
          namespace: default
        spec:
          gatewayClassName: cilium
          listeners:
          - name: https
            protocol: HTTPS
            port: 443
            tls:
              certificateRefs:
        {certificateRefs}
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: good
          namespace: default
        type: kubernetes.io/tls
        data:
          tls.crt: {Pem}
          tls.key: {Pem}
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: good
          namespace: certs
        type: kubernetes.io/tls
        data:
          tls.crt: {Pem}
          tls.key: {Pem}
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: bad
          namespace: default
        data:
          tls.crt: SGVsbG8K
          tls.key: SGVsbG8K
        ---
        {extra}
        """);

    [Fact]
    public void CheckListenerTls_GoodSecret_ListenerValidWithCertificate()
    {
        var c = Run("      - name: good");
        c.Clean();
        ConditionAssert.Is(c.ListenerCondition("https", ConditionType.ResolvedRefs), true, ConditionReason.ResolvedRefs);
        Assert.Equal("default", c.BoundListener("https").Certificates.Single().Namespace);
    }

    [Fact]
    public void CheckListenerTls_SecretMissing_WarnsMC0214ButKeepsListener()
    {
        var c = Run("      - name: elsewhere");
        Assert.Equal(global::Meshc.Compiler.Diagnostics.Severity.Warning, c.Single("MC0214", "name: elsewhere").Severity);
        ConditionAssert.Is(c.ListenerCondition("https", ConditionType.ResolvedRefs), false, ConditionReason.InvalidCertificateRef);
        Assert.True(c.BoundListener("https").Valid);
        Assert.Equal("elsewhere", c.BoundListener("https").Certificates.Single().Name);
    }

    [Fact]
    public void CheckListenerTls_NotPem_ReportsMC0230AndListenerInvalid()
    {
        var c = Run("      - name: bad");
        c.Single("MC0230", "- name: bad", offset: 2);
        ConditionAssert.Is(c.ListenerCondition("https", ConditionType.ResolvedRefs), false, ConditionReason.InvalidCertificateRef);
        ConditionAssert.Is(c.ListenerCondition("https", ConditionType.Accepted), false, ConditionReason.Invalid);
        Assert.Empty(c.Bound.Gateways);
    }

    [Fact]
    public void CheckListenerTls_WrongKind_ReportsMC0216()
    {
        var c = Run("      - name: good\n        kind: ConfigMap");
        Assert.Contains("kind ConfigMap", c.Single("MC0216", "name: good\n        kind").Message);
        ConditionAssert.Is(c.ListenerCondition("https", ConditionType.ResolvedRefs), false, ConditionReason.InvalidCertificateRef);
    }

    [Fact]
    public void CheckListenerTls_WrongGroup_ReportsMC0216()
    {
        var c = Run("      - name: good\n        group: example.io");
        c.Single("MC0216", "name: good\n        group");
    }

    [Fact]
    public void CheckListenerTls_CrossNamespaceWithoutGrant_ReportsMC0215AndRefNotPermitted()
    {
        var c = Run("      - name: good\n        namespace: certs");
        c.Single("MC0215", "name: good\n        namespace: certs");
        ConditionAssert.Is(c.ListenerCondition("https", ConditionType.ResolvedRefs), false, ConditionReason.RefNotPermitted);
    }

    [Fact]
    public void CheckListenerTls_CrossNamespaceWithGrant_IsValid()
    {
        var c = Run("      - name: good\n        namespace: certs", """
            apiVersion: gateway.networking.k8s.io/v1beta1
            kind: ReferenceGrant
            metadata:
              name: allow
              namespace: certs
            spec:
              from:
              - group: gateway.networking.k8s.io
                kind: Gateway
                namespace: default
              to:
              - group: ""
                kind: Secret
            """);
        c.Clean();
        Assert.Equal("certs", c.BoundListener("https").Certificates.Single().Namespace);
    }

    [Fact]
    public void CheckListenerTls_NoCertificateRefs_ReportsMC0333()
    {
        var c = Checked.Run("""
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata:
              name: gw
              namespace: default
            spec:
              gatewayClassName: cilium
              listeners:
              - name: https
                protocol: HTTPS
                port: 443
                tls:
                  certificateRefs: []
            """);
        c.Single("MC0333", "certificateRefs");
        ConditionAssert.Is(c.ListenerCondition("https", ConditionType.ResolvedRefs), false, ConditionReason.InvalidCertificateRef);
        ConditionAssert.Is(c.ListenerCondition("https", ConditionType.Accepted), false, ConditionReason.Invalid);
    }

    [Fact]
    public void CheckListenerTls_HttpWithTls_ReportsMC0333()
    {
        var c = Checked.Run("""
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata:
              name: gw
              namespace: default
            spec:
              gatewayClassName: cilium
              listeners:
              - name: http
                protocol: HTTP
                port: 80
                tls:
                  mode: Terminate
            """);
        Assert.Contains("HTTP listeners take no tls", c.Single("MC0333", "mode: Terminate").Message);
    }
}
