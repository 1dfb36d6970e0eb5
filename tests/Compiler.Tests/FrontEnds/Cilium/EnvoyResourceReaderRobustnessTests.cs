using Meshc.Compiler.Diagnostics;

namespace Meshc.Compiler.Tests.FrontEnds.Cilium;

public sealed class EnvoyResourceReaderRobustnessTests
{
    [Theory]
    [InlineData("connect_timeout: 5")]
    [InlineData("connect_timeout: 99999999999999999s")]
    [InlineData("connect_timeout: soon")]
    [InlineData("per_connection_buffer_limit_bytes: 99999999999")]
    [InlineData("per_connection_buffer_limit_bytes: -1")]
    [InlineData("per_connection_buffer_limit_bytes: 1.5")]
    [InlineData("respect_dns_ttl: maybe")]
    [InlineData("metadata: { filter_metadata: { x: [1, 2] } }")]
    [InlineData("load_assignment: { cluster_name: c, endpoints: [{ lb_endpoints: [{ endpoint: { address: { socket_address: { address: a, port_value: 70000 } } } }] }] }")]
    [InlineData("transport_socket: { name: tls, typed_config: { \"@type\": type.googleapis.com/google.protobuf.Duration, value: 1x } }")]
    [InlineData("transport_socket: { name: tls, typed_config: { \"@type\": type.googleapis.com/google.protobuf.Struct, valu: {} } }")]
    [InlineData("transport_socket: { name: tls, typed_config: { \"@type\": \"type.googleapis.com/\" } }")]
    [InlineData("transport_socket: { name: tls, typed_config: { \"@type\": envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext } }")]
    [InlineData("transport_socket: { name: tls, typed_config: [] }")]
    [InlineData("outlier_detection: 3")]
    [InlineData("health_checks: { timeout: 1s }")]
    [InlineData("lb_policy: [ROUND_ROBIN]")]
    [InlineData("? [a] : b")]
    public void Read_BadValue_ReportsAnErrorWithoutThrowing(string field)
    {
        var result = CecInputs.Check(CecInputs.OneResource($$"""
                - "@type": type.googleapis.com/envoy.config.cluster.v3.Cluster
                  name: backend
                  {{field}}
            """));

        Assert.Contains(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Empty(result.Model.EnvoyConfigs.Single().Resources);
    }
}
