namespace Meshc.Compiler.Tests.Passes;

/// <summary>Small YAML building blocks shared by the pass tests (the GatewayClass <c>cilium</c> is built in).</summary>
internal static class Snippets
{
    /// <summary>Gateway <c>default/gw</c> with one HTTP listener <c>http</c> on port 80, and Service <c>default/web</c> on 8080.</summary>
    public const string GatewayAndService = """
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
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: default
        spec:
          ports:
          - port: 8080
            appProtocol: kubernetes.io/h2c
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata:
          name: web-abc
          namespace: default
          labels:
            kubernetes.io/service-name: web
        addressType: IPv4
        endpoints:
        - addresses: [10.0.0.1]
        ports:
        - port: 8080
        ---

        """;
}
