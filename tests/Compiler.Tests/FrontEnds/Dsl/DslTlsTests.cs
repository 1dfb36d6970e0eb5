using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Tests.FrontEnds.Dsl;

/// <summary>
/// The DSL spells everything TLS the YAML can: HTTPS and passthrough listeners, tls-route (TLSRoute), backend-tls
/// (BackendTLSPolicy), config maps and secrets holding CAs, and a gateway's client certificate validation. Written
/// both ways, the same configuration gives the same IR and byte for byte the same xDS and status.
/// </summary>
public sealed class DslTlsTests
{
    private const string Dsl = """
        gateway edge {
          listener https https 443 host www.example.com tls www-cert
          listener pass tls 8443 host "*.pass.example.com" tls passthrough allow kinds TLSRoute
          client-certs ca client-ca
          client-certs port 443 ca secret client-ca-secret insecure-fallback
        }
        service echo port 80 select app=echo
        service pass-a port 443 select app=pass-a
        service pass-b port 443 select app=pass-b
        service secure port https 443 select app=secure
        secret www-cert tls
        secret client-ca-secret ca
        config-map client-ca ca
        config-map backend-ca ca
        route web on edge listener https host www.example.com {
          rule /secure to secure:443
          rule / to echo:80
        }
        tls-route passthrough on edge listener pass host app.pass.example.com {
          rule to pass-a:443 3, pass-b:443
        }
        backend-tls secure-tls target secure port https host secure.internal ca backend-ca san secure.internal, "spiffe://cluster.local/ns/default/sa/secure"
        """;

    private static string Yaml(string certificate, string key) => $$$"""
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: edge, namespace: default}
        spec:
          gatewayClassName: cilium
          tls:
            frontend:
              default:
                validation:
                  caCertificateRefs: [{group: "", kind: ConfigMap, name: client-ca}]
              perPort:
              - port: 443
                tls:
                  validation:
                    mode: AllowInsecureFallback
                    caCertificateRefs: [{group: "", kind: Secret, name: client-ca-secret}]
          listeners:
          - name: https
            protocol: HTTPS
            port: 443
            hostname: www.example.com
            tls: {mode: Terminate, certificateRefs: [{group: "", kind: Secret, name: www-cert}]}
          - name: pass
            protocol: TLS
            port: 8443
            hostname: "*.pass.example.com"
            tls: {mode: Passthrough}
            allowedRoutes:
              kinds: [{group: gateway.networking.k8s.io, kind: TLSRoute}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: echo, namespace: default}
        spec: {selector: {app: echo}, ports: [{port: 80, targetPort: 80}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: pass-a, namespace: default}
        spec: {selector: {app: pass-a}, ports: [{port: 443, targetPort: 443}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: pass-b, namespace: default}
        spec: {selector: {app: pass-b}, ports: [{port: 443, targetPort: 443}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: secure, namespace: default}
        spec: {selector: {app: secure}, ports: [{name: https, port: 443, targetPort: 443}]}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: www-cert, namespace: default}
        type: kubernetes.io/tls
        stringData: {tls.crt: "{{{certificate}}}", tls.key: "{{{key}}}"}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: client-ca-secret, namespace: default}
        stringData: {ca.crt: "{{{certificate}}}"}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: client-ca, namespace: default}
        data: {ca.crt: "{{{certificate}}}"}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: backend-ca, namespace: default}
        data: {ca.crt: "{{{certificate}}}"}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: web, namespace: default}
        spec:
          parentRefs: [{name: edge, sectionName: https}]
          hostnames: [www.example.com]
          rules:
          - matches: [{path: {type: PathPrefix, value: /secure}}]
            backendRefs: [{name: secure, port: 443}]
          - matches: [{path: {type: PathPrefix, value: /}}]
            backendRefs: [{name: echo, port: 80}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: TLSRoute
        metadata: {name: passthrough, namespace: default}
        spec:
          parentRefs: [{name: edge, sectionName: pass}]
          hostnames: [app.pass.example.com]
          rules:
          - backendRefs: [{name: pass-a, port: 443, weight: 3}, {name: pass-b, port: 443}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: BackendTLSPolicy
        metadata: {name: secure-tls, namespace: default}
        spec:
          targetRefs: [{group: "", kind: Service, name: secure, sectionName: https}]
          validation:
            hostname: secure.internal
            caCertificateRefs: [{group: "", kind: ConfigMap, name: backend-ca}]
            subjectAltNames:
            - {type: Hostname, hostname: secure.internal}
            - {type: URI, uri: "spiffe://cluster.local/ns/default/sa/secure"}
        """;

    /// <summary>A throwaway self-signed certificate and key, made per test run (never committed), as escaped YAML strings.</summary>
    private static (string Certificate, string Key) Pem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=www.example.com", key, HashAlgorithmName.SHA256);
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        static string Escape(string pem) => pem.Replace("\n", "\\n", StringComparison.Ordinal);
        return (Escape(cert.ExportCertificatePem()), Escape(key.ExportPkcs8PrivateKeyPem()));
    }

    private static (EmitResult FromDsl, EmitResult FromYaml) CompileBoth()
    {
        var (certificate, key) = Pem();
        var fromDsl = Compilation.Create([new SourceText("tls.dsl", Dsl)]).Emit(EmitTargets.Xds | EmitTargets.Status);
        var fromYaml = Compilation.Create([new SourceText("tls.yaml", Yaml(certificate, key))]).Emit(EmitTargets.Xds | EmitTargets.Status);
        return (fromDsl, fromYaml);
    }

    [Fact]
    public void TlsConfiguration_DslAndYaml_GiveTheSameIr()
    {
        var (fromDsl, fromYaml) = CompileBoth();

        Assert.False(fromDsl.HasErrors, DslTesting.Printed(fromDsl));
        Assert.False(fromYaml.HasErrors, DslTesting.Printed(fromYaml));
        Assert.Equal(DslTesting.Normalize(fromYaml.Model), DslTesting.Normalize(fromDsl.Model));
    }

    [Fact]
    public void TlsConfiguration_DslAndYaml_GiveTheSameXdsAndStatus()
    {
        var (fromDsl, fromYaml) = CompileBoth();

        Assert.True(fromDsl.Bundle is not null, DslTesting.Printed(fromDsl));
        Assert.True(fromYaml.Bundle is not null, DslTesting.Printed(fromYaml));
        var files = fromYaml.Bundle!.Files.Where(f => f.Path.StartsWith("xds/", StringComparison.Ordinal) || f.Path.StartsWith("status/", StringComparison.Ordinal)).ToList();
        Assert.Contains(files, f => System.Text.Encoding.UTF8.GetString(f.Content).Contains("tcp_proxy", StringComparison.Ordinal));
        Assert.Contains(files, f => System.Text.Encoding.UTF8.GetString(f.Content).Contains("UpstreamTlsContext", StringComparison.Ordinal));
        foreach (var file in files)
            Assert.Equal(System.Text.Encoding.UTF8.GetString(file.Content), fromDsl.Bundle!.ReadText(file.Path));
        Assert.Equal(files.Select(f => f.Path).Order(StringComparer.Ordinal), fromDsl.Bundle!.Files.Select(f => f.Path)
            .Where(p => p.StartsWith("xds/", StringComparison.Ordinal) || p.StartsWith("status/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TlsConfiguration_WrittenAsDsl_ReadsBackToTheSameIr()
    {
        var (model, diagnostics) = DslTesting.Read(Dsl);
        var written = Meshc.Compiler.FrontEnds.Dsl.Writing.DslWriter.Write(model);
        var (again, _) = DslTesting.Read(written, "written.dsl");

        Assert.DoesNotContain(diagnostics, d => d.Severity == Meshc.Compiler.Diagnostics.Severity.Error);
        Assert.Contains("client-certs port 443 ca secret client-ca-secret insecure-fallback", written, StringComparison.Ordinal);
        Assert.Contains("tls-route passthrough", written, StringComparison.Ordinal);
        Assert.Equal(DslTesting.Normalize(model), DslTesting.Normalize(again));
    }

    [Theory]
    [InlineData("service a port 443\ntls-route t on service a { rule to a:443 }", "MC0172")]
    [InlineData("gateway g { listener l https 443 tls c\n client-certs }", "MC0177")]
    [InlineData("service a port https 443\nbackend-tls p host a.internal ca system", "MC0177")]
    [InlineData("service a port https 443\nbackend-tls p target a port https ca system", "MC0177")]
    [InlineData("gateway g { listener l tls 443 tls passthrough }\nservice a port 443\ntls-route t on g { rule header x=y to a:443 }", "MC0271")]
    public void TlsMistake_IsReported(string text, string code)
    {
        var result = DslTesting.Check(text);

        Assert.Contains(result.Diagnostics, d => d.Code.ToString() == code);
    }

    [Fact]
    public void BackendTls_CaSystem_IsTheWellKnownSetUnlessQuoted()
    {
        var (bare, _) = DslTesting.Read("backend-tls p target a host a.internal ca system");
        var (quoted, _) = DslTesting.Read("backend-tls p target a host a.internal ca \"system\"");

        Assert.Equal("System", bare.BackendTlsPolicies[0].WellKnownCaCertificates);
        Assert.Empty(bare.BackendTlsPolicies[0].CaCertificateRefs);
        Assert.Null(quoted.BackendTlsPolicies[0].WellKnownCaCertificates);
        Assert.Equal("system", quoted.BackendTlsPolicies[0].CaCertificateRefs[0].Name);
    }
}
