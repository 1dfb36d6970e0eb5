using Meshc.Compiler;
using Meshc.Compiler.Text;
using Meshc.PolicyEngine;
using Meshc.PolicyEngine.Kernel;
using Xunit.Abstractions;

namespace Meshc.Runtime.Tests.Policy;

/// <summary>
/// Real kernel maps from a compiled bundle: every map is created with bpf(2), filled, read back entry by entry, and
/// removed; the policy map's LPM lookup in the kernel agrees with the in-process engine. Where bpf() is refused the
/// tests are reported skipped with the reason. Pinning uses MESHC_BPFFS when set, else a bpffs mounted for the test.
/// </summary>
public sealed class KernelMapTests(ITestOutputHelper output)
{
    private static Dictionary<string, byte[]> CompileFiles()
    {
        var yaml = PolicyScenarios.Policy("""
              ingress:
                - fromEndpoints: [{ matchLabels: { app: netshoot } }]
                  toPorts: [{ ports: [{ port: "8080", protocol: TCP }] }]
              ingressDeny:
                - fromEntities: [world]
                  toPorts: [{ ports: [{ port: "9000", endPort: 9015, protocol: TCP }] }]
            """) + """
            apiVersion: v1
            kind: Service
            metadata: { name: bookstore, namespace: default }
            spec: { clusterIP: 10.96.7.7, selector: { app: bookstore }, ports: [{ port: 8080 }] }
            """;
        var result = Compilation.Create([new SourceText("k.yaml", PolicyScenarios.Workloads + yaml)]).Emit(EmitTargets.Bpf);
        return result.Bundle!.Files.ToDictionary(f => f.Path, f => f.Content);
    }

    [KernelFact]
    public void KernelMaps_FromBundle_CreatedFilledReadBackAndRemoved()
    {
        var files = CompileFiles();
        var maps = files.Keys.Where(p => p.EndsWith(".bin", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("bpf/cilium_policy_v2_00001.bin", maps);
        var created = new List<KernelMap>();
        try
        {
            foreach (var path in maps)
            {
                var name = Path.GetFileNameWithoutExtension(path);
                var (keySize, valueSize) = (BitConverter.ToInt32(files[path], 8), BitConverter.ToInt32(files[path], 12));
                var (image, error) = BpfMapImage.Read(name, files[path], keySize, valueSize);
                Assert.Null(error);
                var lpm = name.StartsWith("cilium_policy_v2_", StringComparison.Ordinal) || name == "cilium_ipcache_v2";
                var (map, refused) = KernelMap.Create(image!, lpm, maxEntries: Math.Max(image!.Entries.Count, 16));
                Assert.True(map is not null, refused);
                created.Add(map!);
                foreach (var (key, value) in image.Entries)
                    Assert.Equal(Convert.ToHexString(value), Convert.ToHexString(map.Lookup(key) ?? []));
            }
            // The kernel's LPM trie picks the same entry as the engine: world on 9003/TCP hits the deny block 9000-9007
            // (endpoint 2 is bookstore: admin, bookstore, netshoot in name order).
            var policy = created.Single(m => m.Name == "cilium_policy_v2_00002");
            var lookup = new byte[12];
            lookup[0] = 64;
            lookup[4] = 2;
            lookup[9] = 6;
            lookup[10] = 9003 >> 8;
            lookup[11] = 9003 & 0xFF;
            var found = policy.Lookup(lookup);
            Assert.NotNull(found);
            var entry = PolicyMapValue.Decode(found);
            Assert.True(entry.Deny);
            Assert.Equal(21, entry.LpmPrefixLength);
            var (bpffs, noBpffs) = TemporaryBpffs.TryMount();
            if (bpffs is null)
            {
                output.WriteLine($"pinning not exercised: {noBpffs}");
                return;
            }
            using (bpffs)
            {
                Directory.CreateDirectory(bpffs.Path);
                Assert.Null(policy.Pin(bpffs.Path));
                Assert.True(File.Exists(policy.PinPath));
                policy.Dispose();
                Assert.False(File.Exists(Path.Combine(bpffs.Path, policy.Name)));
            }
        }
        finally
        {
            foreach (var map in created)
            {
                var pin = map.PinPath;
                map.Dispose();
                if (pin is not null) Assert.False(File.Exists(pin));
            }
        }
    }
}
