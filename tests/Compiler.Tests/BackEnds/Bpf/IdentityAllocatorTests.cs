using System.Net;
using Meshc.Compiler.BackEnds.Bpf.Identities;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.Tests.BackEnds.Bpf;

public sealed class IdentityAllocatorTests
{
    private static readonly MeshModel Shop = BpfInputs.Model(
        BpfInputs.Deployment("web", "app: web"),
        BpfInputs.Deployment("api", "app: api"),
        BpfInputs.Service("api", "app: api"),
        BpfInputs.Service("db", "app: db"),
        BpfInputs.Slice("api-1", "api", "api-7d9f-abc", "10.0.0.7"),
        BpfInputs.Slice("db-1", "db", "db-0", "10.0.0.9"));

    [Fact]
    public void Allocate_ReservedIdentities_HaveCiliumNumbers()
    {
        var table = IdentityAllocator.Allocate(MeshModel.Empty, []);
        Assert.Equal(["host", "world", "unmanaged", "health", "init", "remote-node", "kube-apiserver", "ingress"],
            table.Identities.Select(i => i.Labels[0].Key));
        Assert.Equal(Enumerable.Range(1, 8).Select(i => (uint)i), table.Identities.Select(i => i.Id));
        Assert.Equal("reserved:world", table.Find(2)!.Display);
    }

    [Fact]
    public void Allocate_WorkloadsAndUndeclaredServicePods_NumberedFrom256InLabelOrder()
    {
        var table = IdentityAllocator.Allocate(Shop, []);
        var local = table.Identities.Where(i => i.Kind == IdentityKind.Workload).ToList();
        // Sorted by label text: app=api, app=db (the db Service's selector), app=web.
        Assert.Equal(["app=api", "app=db", "app=web"], local.Select(i => $"{i.Labels[0].Key}={i.Labels[0].Value}"));
        Assert.Equal([256u, 257u, 258u], local.Select(i => i.Id));
        Assert.Equal(258u, table.Workloads[new ObjectKey(ObjectKind.Workload, "default", "web")]);
        Assert.Equal("k8s:app=web k8s:io.kubernetes.pod.namespace=default", table.Find(258)!.Display);
    }

    [Fact]
    public void Allocate_SameLabelsInOtherNamespace_GetsItsOwnIdentity()
    {
        var model = BpfInputs.Model(BpfInputs.Deployment("web", "app: web"), BpfInputs.Deployment("web", "app: web", ns: "prod"));
        var table = IdentityAllocator.Allocate(model, []);
        Assert.Equal(2, table.Identities.Count(i => i.Kind == IdentityKind.Workload));
    }

    [Fact]
    public void Allocate_EndpointAddresses_TakeTheIdentityOfTheSelectedPods()
    {
        var table = IdentityAllocator.Allocate(Shop, []);
        Assert.Equal(256u, table.Addresses["10.0.0.7"]);
        Assert.Equal(257u, table.Addresses["10.0.0.9"]);
        Assert.Equal(256u, table.Resolve(IPAddress.Parse("10.0.0.7")));
    }

    [Fact]
    public void Allocate_Cidrs_LocalScopeInAddressOrderDeduplicated()
    {
        var table = IdentityAllocator.Allocate(MeshModel.Empty, ["192.168.0.0/16", "10.0.0.0/8", "10.1.2.3/8", "10.0.0.0/24"]);
        Assert.Equal(0x01000001u, table.Cidrs["10.0.0.0/8"]);
        Assert.Equal(0x01000002u, table.Cidrs["10.0.0.0/24"]);
        Assert.Equal(0x01000003u, table.Cidrs["192.168.0.0/16"]);
        Assert.Equal(3, table.Cidrs.Count);
    }

    [Fact]
    public void Resolve_UnknownAddress_LongestCidrElseWorld()
    {
        var table = IdentityAllocator.Allocate(MeshModel.Empty, ["10.0.0.0/8", "10.0.0.0/24"]);
        Assert.Equal(0x01000002u, table.Resolve(IPAddress.Parse("10.0.0.5")));
        Assert.Equal(0x01000001u, table.Resolve(IPAddress.Parse("10.9.0.5")));
        Assert.Equal(ReservedIdentities.World, table.Resolve(IPAddress.Parse("8.8.8.8")));
    }

    [Fact]
    public void Allocate_SameInputTwice_SameNumbers()
    {
        var first = IdentityAllocator.Allocate(Shop, ["10.0.0.0/8"]);
        var second = IdentityAllocator.Allocate(Shop, ["10.0.0.0/8"]);
        Assert.Equal(first.Identities, second.Identities);
    }
}
