using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Tests.BackEnds.Bpf;

/// <summary>Small YAML inputs for the BPF tests: workloads, Services, EndpointSlices.</summary>
internal static class BpfInputs
{
    public static string Deployment(string name, string labels, string ns = "default") => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {"{"} name: {name}, namespace: {ns} {"}"}
        spec:
          template:
            metadata:
              labels: {"{"} {labels} {"}"}
        ---

        """;

    public static string Service(string name, string selector, int port = 80, string? clusterIp = null, string ns = "default") => $"""
        apiVersion: v1
        kind: Service
        metadata: {"{"} name: {name}, namespace: {ns} {"}"}
        spec:
          {(clusterIp is null ? "" : $"clusterIP: {clusterIp}")}
          selector: {"{"} {selector} {"}"}
          ports: [{"{"} port: {port}, protocol: TCP {"}"}]
        ---

        """;

    public static string Slice(string name, string service, string pod, string address, int port = 80, string ns = "default") => $"""
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata:
          name: {name}
          namespace: {ns}
          labels: {"{"} kubernetes.io/service-name: {service} {"}"}
        addressType: IPv4
        ports: [{"{"} port: {port}, protocol: TCP {"}"}]
        endpoints:
          - addresses: [{address}]
            conditions: {"{"} ready: true {"}"}
            targetRef: {"{"} kind: Pod, name: {pod} {"}"}
        ---

        """;

    public static MeshModel Model(params string[] documents) =>
        Compilation.Create([new SourceText("input.yaml", string.Concat(documents))]).Model;
}
