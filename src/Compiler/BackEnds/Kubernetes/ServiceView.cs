namespace Meshc.Compiler.BackEnds.Kubernetes;

/// <summary>The LoadBalancer Service Cilium creates for a Gateway: one TCP port <c>port-&lt;N&gt;</c> per listener port.</summary>
internal sealed record ServiceView(ObjectMetaView Metadata, IReadOnlyList<ServicePortView> Ports);

/// <summary>One Service port.</summary>
internal sealed record ServicePortView(string Name, int Port);
