using System.Buffers.Binary;
using Meshc.Compiler.Text;
using Meshc.PolicyEngine;
using Meshc.PolicyEngine.Kernel;
using Meshc.Runtime.Enforcement;
using Meshc.Runtime.Proxy;

namespace Meshc.Runtime.Tests.Policy;

/// <summary>
/// The enforcer's kernel maps across a reload: loaded, verified and pinned under a bpffs; a reload pins the new maps
/// over the old paths (rename onto the pin), so the path holds the new policy at once; disposal removes the pins.
/// </summary>
public sealed class KernelReloadTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "meshc-kernel-reload", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private const string AdminsToo = """
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: { name: bookstore-admins, namespace: default }
        spec:
          endpointSelector: { matchLabels: { app: bookstore } }
          ingress:
            - fromEndpoints: [{ matchLabels: { app: admin } }]
              toPorts: [{ ports: [{ port: "8080", protocol: TCP }] }]
        ---

        """;

    /// <summary>The pinned policy map's answer for ingress from <paramref name="identity"/> to 8080/TCP, read through a fresh BPF_OBJ_GET.</summary>
    private static PolicyMapValue? PinnedLookup(string pin, uint identity)
    {
        var (map, error) = KernelMap.OpenPinned(pin, PolicyMapKey.Size, PolicyMapValue.Size);
        Assert.True(map is not null, error);
        using (map)
            return new KernelPolicyMap(map!).Lookup(new PolicyMapKey(PolicyMapKey.FullPrefix, identity, false, 6, 8080))?.Value;
    }

    [BpffsFact]
    public void Reload_KernelMaps_PinReplacedAtomicallyAndRemovedOnDispose()
    {
        var (bpffs, refused) = TemporaryBpffs.TryMount();
        Assert.True(bpffs is not null, refused);
        using (bpffs)
        {
            var pins = Path.Combine(bpffs!.Path, "meshc");
            var (first, firstSnapshot) = PolicyRuntime.Compile(Path.Combine(_folder, "a"), new SourceText("a.yaml", PolicyRuntime.Mesh + PolicyRuntime.ReadersPolicy));
            var (second, secondSnapshot) = PolicyRuntime.Compile(Path.Combine(_folder, "b"), new SourceText("b.yaml", PolicyRuntime.Mesh + PolicyRuntime.ReadersPolicy + AdminsToo));
            var enforcer = new PolicyEnforcer(new ProxyStats().Increment);
            var lines = enforcer.Load(first, firstSnapshot, pins);
            Assert.Contains(lines, l => l.StartsWith("kernel maps: ", StringComparison.Ordinal) && l.EndsWith($"pinned under {pins}", StringComparison.Ordinal));

            var state = enforcer.Current!;
            var bookstore = state.Bundle.Endpoints.Single(e => e.Workload == "default/bookstore");
            var admin = state.Bundle.Endpoints.Single(e => e.Workload == "default/admin").Identity;
            var pin = Path.Combine(pins, bookstore.Map.Name);
            Assert.Null(PinnedLookup(pin, admin));
            Assert.Equal(Directory.GetFiles(pins).Select(Path.GetFileName).Order(StringComparer.Ordinal),
                first.Files.Keys.Where(p => p.EndsWith(".bin", StringComparison.Ordinal)).Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal));

            var reloaded = enforcer.Reload(second, secondSnapshot);
            Assert.Contains(reloaded, l => l.StartsWith("kernel maps: ", StringComparison.Ordinal));
            Assert.NotSame(state, enforcer.Current);
            var allowed = PinnedLookup(pin, admin);
            Assert.True(allowed is { Deny: false }, "after the reload the pin holds the map that admits admin");
            Assert.DoesNotContain(Directory.GetFiles(pins), f => f.EndsWith(":pending", StringComparison.Ordinal));

            enforcer.Dispose();
            Assert.Empty(Directory.GetFiles(pins));
        }
    }

    [Fact]
    public void Load_BpffsOff_EnforcesFromInProcessMapsAndSaysSo()
    {
        var (bundle, snapshot) = PolicyRuntime.Compile(_folder, new SourceText("a.yaml", PolicyRuntime.Mesh + PolicyRuntime.ReadersPolicy));
        using var enforcer = new PolicyEnforcer(new ProxyStats().Increment);
        var lines = enforcer.Load(bundle, snapshot, "off");
        Assert.Contains("kernel maps off (--bpffs off)", lines);
        Assert.Null(enforcer.Current!.Kernel);
        Assert.Equal(PolicyAction.DropL3L4, PolicyDecision.Decide(enforcer.Current, PolicyRuntime.Listener, System.Net.IPAddress.Parse(PolicyRuntime.Admin), null).Action);
    }

    [Fact]
    public void Load_FolderNotOnBpffs_KernelMapsOffWithTheReason()
    {
        Assert.Equal((null, $"kernel maps off: {Path.GetFullPath(_folder)} is not on a bpffs mount (mount -t bpf bpf <dir>)"), Bpffs.Choose(_folder));
    }
}
