using System.Text;

namespace Meshc.Compiler.Benchmarks.Inputs;

/// <summary>Writes the objects routes point at: Namespaces, Gateways, Services and their EndpointSlices.</summary>
public static class InfrastructureWriter
{
    private const ulong ServiceStream = 2;

    public static void Namespace(StringBuilder yaml, string name, bool admitted) => yaml.Append($"""
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: {name}
          labels:
            kubernetes.io/metadata.name: {name}

        """).Append(admitted ? $"    {MeshNames.AccessLabel}: \"true\"\n" : "");

    public static void Gateway(StringBuilder yaml, GatewayPlan plan)
    {
        var g = plan.Index;
        yaml.Append($"""
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata:
              name: {MeshNames.Gateway(g)}
              namespace: {MeshNames.Edge(MeshNames.EdgeOf(g))}
              labels:
                app.kubernetes.io/part-of: edge
            spec:
              gatewayClassName: cilium
              listeners:
                - name: http
                  protocol: HTTP
                  port: 80
                  hostname: "*.{MeshNames.GatewayDomain(g)}"
                  allowedRoutes:
                    namespaces:

            """);
        yaml.Append(plan.AdmitsBySelector
            ? $"          from: Selector\n          selector:\n            matchLabels:\n              {MeshNames.AccessLabel}: \"true\"\n"
            : "          from: All\n");
        if (!plan.HasAlternateListener) return;
        yaml.Append($"""
                - name: http-alt
                  protocol: HTTP
                  port: 8080
                  hostname: "*.{MeshNames.GatewayDomain(g, alternate: true)}"
                  allowedRoutes:
                    namespaces:
                      from: All
                    kinds:
                      - kind: HTTPRoute

            """);
    }

    /// <summary>A ClusterIP Service with an <c>http</c> port (and a <c>grpc</c> port on some), plus its EndpointSlice.</summary>
    public static void ServiceWithEndpoints(StringBuilder yaml, MeshShape shape, int s)
    {
        var random = SeededRandom.For(shape.Seed, ServiceStream, s);
        var name = MeshNames.Service(s);
        var ns = MeshNames.Team(MeshNames.TeamOf(s));
        var hasGrpc = random.Chance(0.3);
        yaml.Append($"""
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: {name}
              namespace: {ns}
              labels:
                app: {name}
            spec:
              type: ClusterIP
              clusterIP: 10.96.{s / 250 % 256}.{s % 250 + 1}
              selector:
                app: {name}
              ports:
                - name: http
                  port: 80
                  targetPort: 8080
                  protocol: TCP

            """);
        if (hasGrpc)
            yaml.Append("    - name: grpc\n      port: 9090\n      targetPort: 9090\n      protocol: TCP\n      appProtocol: kubernetes.io/h2c\n");
        yaml.Append($"""
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata:
              name: {name}-{random.NextUInt64() % 0x100000:x5}
              namespace: {ns}
              labels:
                kubernetes.io/service-name: {name}
            addressType: IPv4
            ports:
              - name: http
                port: 8080
                protocol: TCP

            """);
        if (hasGrpc) yaml.Append("  - name: grpc\n    port: 9090\n    protocol: TCP\n");
        yaml.Append("endpoints:\n");
        var count = random.Between(2, 4);
        for (var i = 0; i < count; i++)
        {
            yaml.Append($"""
                  - addresses:
                      - "10.{1 + (s >> 8 & 127)}.{s & 255}.{10 + i}"
                    conditions:
                      ready: true
                    zone: zone-{(char)('a' + (s + i) % 3)}
                    targetRef:
                      kind: Pod
                      name: {name}-{i}

                """);
        }
    }
}
