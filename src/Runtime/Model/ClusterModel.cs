namespace Meshc.Runtime.Model;

/// <summary>An upstream cluster: its endpoints (from the load assignment), load-balancing policy, connect timeout and outlier detection.</summary>
public sealed record ClusterModel(string Name, IReadOnlyList<EndpointModel> Endpoints, string LbPolicy, TimeSpan ConnectTimeout, string? ServiceName, OutlierSettings? Outlier);

/// <summary>One upstream host.</summary>
public sealed record EndpointModel(string Address, int Port)
{
    public override string ToString() => Address.Contains(':') ? $"[{Address}]:{Port}" : $"{Address}:{Port}";
}
