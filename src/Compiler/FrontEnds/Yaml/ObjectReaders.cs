using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.FrontEnds.Yaml;

/// <summary>The reader for each kind meshc compiles: YAML object → IR object (null when the object is unusable).</summary>
internal static class ObjectReaders
{
    public delegate IMeshObject? Reader(YamlObject obj, DiagnosticBag diagnostics);

    private static readonly Dictionary<string, Reader> Readers = new()
    {
        ["GatewayClass"] = GatewayClassReader.Read,
        ["Gateway"] = GatewayReader.Read,
        ["ListenerSet"] = ListenerSetReader.Read,
        ["HTTPRoute"] = RouteReader.ReadHttp,
        ["GRPCRoute"] = RouteReader.ReadGrpc,
        ["TLSRoute"] = RouteReader.ReadTls,
        ["BackendTLSPolicy"] = BackendTlsPolicyReader.Read,
        ["ConfigMap"] = ConfigMapReader.Read,
        ["ReferenceGrant"] = ReferenceGrantReader.Read,
        ["Service"] = ServiceReader.Read,
        ["EndpointSlice"] = EndpointSliceReader.Read,
        ["Secret"] = SecretReader.Read,
        ["Namespace"] = NamespaceReader.Read,
        ["Deployment"] = WorkloadReader.Read,
        ["StatefulSet"] = WorkloadReader.Read,
        ["DaemonSet"] = WorkloadReader.Read,
        ["CiliumEnvoyConfig"] = EnvoyConfigReader.Read,
        ["CiliumClusterwideEnvoyConfig"] = EnvoyConfigReader.Read,
        ["CiliumNetworkPolicy"] = NetworkPolicyReader.Read,
        ["CiliumLoadBalancerIPPool"] = IpPoolReader.Read,
    };

    public static Reader? For(string kind) => Readers.GetValueOrDefault(kind);
}
