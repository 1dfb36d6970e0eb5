namespace Meshc.Runtime.Model;

/// <summary>
/// A filter chain of a listener that matches TLS connections (<c>transport_protocol: tls</c>), chosen by the
/// ClientHello's SNI against <see cref="ServerNames"/> (empty: any) and, when set, by the port the connection arrived
/// on (<see cref="DestinationPort"/>, the Gateway listener port). Either it terminates TLS and serves HTTP
/// (<see cref="TerminatingChainModel"/>) or passes the TLS bytes through to a backend (<see cref="PassthroughChainModel"/>).
/// </summary>
public abstract record TlsChainModel(IReadOnlyList<string> ServerNames, int? DestinationPort);

/// <summary>
/// Terminates TLS with the certificates of <see cref="CertificateSds"/> (the one whose names cover the SNI), offers
/// <see cref="Alpn"/>, validates client certificates when <see cref="Client"/> asks, then serves HTTP from
/// <see cref="RouteConfigName"/> with <see cref="Hcm"/>.
/// </summary>
public sealed record TerminatingChainModel(
    IReadOnlyList<string> ServerNames,
    int? DestinationPort,
    IReadOnlyList<string> CertificateSds,
    ClientValidationModel? Client,
    IReadOnlyList<string> Alpn,
    string RouteConfigName,
    HcmSettings Hcm) : TlsChainModel(ServerNames, DestinationPort);

/// <summary>Client-certificate validation: the CA bundle's SDS name, whether a certificate is required, whether an untrusted one is accepted.</summary>
public sealed record ClientValidationModel(string CaSds, bool Required, bool AcceptUntrusted);

/// <summary>A <c>tcp_proxy</c> chain: the TLS stream goes unopened to one of <see cref="Clusters"/>, picked by weight.</summary>
public sealed record PassthroughChainModel(
    IReadOnlyList<string> ServerNames,
    int? DestinationPort,
    string StatPrefix,
    IReadOnlyList<WeightedClusterRef> Clusters) : TlsChainModel(ServerNames, DestinationPort);

/// <summary>A cluster and its weight in a weighted choice.</summary>
public sealed record WeightedClusterRef(string Cluster, uint Weight);

/// <summary>
/// Upstream TLS of a cluster (its UpstreamTlsContext): the SNI, the CA bundle's SDS name or the system's roots, and
/// the subject alternative names the certificate must carry (any of them). Applied by whichever upstream client
/// connects to the cluster's hosts.
/// </summary>
public sealed record UpstreamTlsModel(string Sni, string? CaSds, bool SystemRoots, IReadOnlyList<SanMatcher> SubjectAltNames, IReadOnlyList<string> Alpn);

/// <summary>A SAN to match exactly: <c>DNS</c> or <c>URI</c>.</summary>
public sealed record SanMatcher(string Type, string Value);
