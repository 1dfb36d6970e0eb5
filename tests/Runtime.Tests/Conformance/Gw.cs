namespace Meshc.Runtime.Tests.Conformance;

/// <summary>Names from the conformance base manifests: namespaces, Gateways ("namespace/name") and backends.</summary>
internal static class Gw
{
    public const string Infra = "gateway-conformance-infra";
    public const string WebBackendNs = "gateway-conformance-web-backend";
    public const string AppBackendNs = "gateway-conformance-app-backend";

    public const string SameNamespace = Infra + "/same-namespace";
    public const string AllNamespaces = Infra + "/all-namespaces";
    public const string BackendNamespaces = Infra + "/backend-namespaces";

    public const string V1 = "infra-backend-v1";
    public const string V2 = "infra-backend-v2";
    public const string V3 = "infra-backend-v3";
}
