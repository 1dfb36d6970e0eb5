namespace Meshc.Compiler.BackEnds.Bpf.Identities;

/// <summary>Cilium's reserved numeric identities (<c>pkg/identity/numericidentity.go</c>) and the scopes of allocated ones.</summary>
public static class ReservedIdentities
{
    /// <summary>In a policy key: any identity.</summary>
    public const uint Any = 0;
    public const uint Host = 1;
    public const uint World = 2;
    public const uint Unmanaged = 3;
    public const uint Health = 4;
    public const uint Init = 5;
    public const uint RemoteNode = 6;
    public const uint KubeApiServer = 7;
    public const uint Ingress = 8;

    /// <summary>The first cluster-local identity (<c>MinimalNumericIdentity</c>).</summary>
    public const uint FirstClusterLocal = 256;

    /// <summary>The local scope bit: CIDR identities are <c>1&lt;&lt;24 | n</c>, n from 1.</summary>
    public const uint LocalScope = 1u << 24;

    /// <summary>The reserved identities by their label name (<c>reserved:&lt;name&gt;</c>), in id order.</summary>
    public static readonly IReadOnlyList<(uint Id, string Name)> All =
    [
        (Host, "host"), (World, "world"), (Unmanaged, "unmanaged"), (Health, "health"), (Init, "init"),
        (RemoteNode, "remote-node"), (KubeApiServer, "kube-apiserver"), (Ingress, "ingress"),
    ];
}
