namespace Meshc.Runtime.Model;

/// <summary>
/// An upstream cluster: its endpoints (from the load assignment), load-balancing policy, connect timeout, outlier
/// detection and the upstream HTTP version its protocol options ask for.
/// </summary>
public sealed record ClusterModel(string Name, IReadOnlyList<EndpointModel> Endpoints, string LbPolicy, TimeSpan ConnectTimeout, string? ServiceName, OutlierSettings? Outlier,
    UpstreamProtocol Protocol = UpstreamProtocol.Http1)
{
    /// <summary>Upstream TLS (the cluster's transport socket); null: plaintext.</summary>
    public UpstreamTlsModel? Tls { get; init; }
}

/// <summary>The upstream HTTP version, from the cluster's <c>envoy.extensions.upstreams.http.v3.HttpProtocolOptions</c>.</summary>
public enum UpstreamProtocol
{
    /// <summary>No options, or explicit HTTP/1.1.</summary>
    Http1,

    /// <summary><c>explicit_http_config.http2_protocol_options</c>: h2c with prior knowledge.</summary>
    Http2,

    /// <summary><c>use_downstream_protocol_config</c> with HTTP/2 options: HTTP/2 when the downstream request is HTTP/2.</summary>
    Downstream,
}

/// <summary>One upstream host.</summary>
public sealed record EndpointModel(string Address, int Port)
{
    public override string ToString() => Address.Contains(':') ? $"[{Address}]:{Port}" : $"{Address}:{Port}";

    /// <summary>The URL prefix an attempt is sent to, made once rather than per request.</summary>
    public string HttpOrigin => _origin ??= "http://" + this;

    // Derived from Address and Port only, so it never disagrees with them; excluded from equality by being a cache.
    private string? _origin;

    public bool Equals(EndpointModel? other) => other is not null && Address == other.Address && Port == other.Port;

    public override int GetHashCode() => HashCode.Combine(Address, Port);
}
