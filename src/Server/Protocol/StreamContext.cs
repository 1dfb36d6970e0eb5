using Meshc.Server.Admin;
using Meshc.Server.Snapshots;

namespace Meshc.Server.Protocol;

/// <summary>What every stream shares: the snapshot cache, the registry of connected streams, the counters, a log.</summary>
public sealed record StreamContext(SnapshotCache Cache, NodeRegistry Registry, XdsMetrics Metrics, Action<string> Log);
