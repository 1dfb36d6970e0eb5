namespace Meshc.Compiler.FrontEnds.Yaml;

/// <summary>The apiVersions meshc reads for each kind it compiles.</summary>
internal static class ApiVersions
{
    private const string Gw = "gateway.networking.k8s.io";

    private static readonly Dictionary<string, string[]> Supported = new()
    {
        ["GatewayClass"] = [$"{Gw}/v1", $"{Gw}/v1beta1"],
        ["Gateway"] = [$"{Gw}/v1", $"{Gw}/v1beta1"],
        ["ListenerSet"] = [$"{Gw}/v1"],
        ["HTTPRoute"] = [$"{Gw}/v1", $"{Gw}/v1beta1"],
        ["GRPCRoute"] = [$"{Gw}/v1", $"{Gw}/v1alpha2"],
        ["TLSRoute"] = [$"{Gw}/v1", $"{Gw}/v1alpha3", $"{Gw}/v1alpha2"],
        ["BackendTLSPolicy"] = [$"{Gw}/v1", $"{Gw}/v1alpha3"],
        ["ConfigMap"] = ["v1"],
        ["ReferenceGrant"] = [$"{Gw}/v1beta1", $"{Gw}/v1alpha2", $"{Gw}/v1"],
        ["Service"] = ["v1"],
        ["Namespace"] = ["v1"],
        ["Secret"] = ["v1"],
        ["EndpointSlice"] = ["discovery.k8s.io/v1"],
        ["Deployment"] = ["apps/v1"],
        ["StatefulSet"] = ["apps/v1"],
        ["DaemonSet"] = ["apps/v1"],
        ["CiliumEnvoyConfig"] = ["cilium.io/v2"],
        ["CiliumClusterwideEnvoyConfig"] = ["cilium.io/v2"],
        ["CiliumNetworkPolicy"] = ["cilium.io/v2"],
        ["CiliumLoadBalancerIPPool"] = ["cilium.io/v2", "cilium.io/v2alpha1"],
    };

    public static bool IsSupported(string kind, string apiVersion) =>
        Supported.TryGetValue(kind, out var versions) && versions.Contains(apiVersion);
}
