using System.Buffers.Binary;
using Meshc.Compiler.BackEnds.Bpf;
using Meshc.Compiler.BackEnds.Bpf.Layouts;
using Meshc.Compiler;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Semantics;
using Meshc.Compiler.Tests.FrontEnds.Cilium;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Tests.BackEnds.Bpf;

/// <summary>The BPF back end end to end: the bookstore scenario with a policy, read back from the bundle's bytes.</summary>
public sealed class BpfBundleTests
{
    private static readonly string ReadersPolicy =
        BpfInputs.Deployment("netshoot", "app: netshoot") +
        PolicyInputs.Policy("bookstore-readers", "app: bookstore", """
              ingress:
                - fromEndpoints: [{ matchLabels: { app: netshoot } }]
                  toPorts:
                    - ports: [{ port: "8080", protocol: TCP }]
                      rules: { http: [{ method: GET, path: "/books.*" }] }
              ingressDeny:
                - fromEntities: [world]
                  toPorts:
                    - ports: [{ port: "9000", endPort: 9015, protocol: TCP }]
            """);

    private static EmitResult Bookstore() =>
        Compilation.Create([.. CecInputs.Bookstore(), new SourceText("policy.yaml", ReadersPolicy)]).Emit(EmitTargets.Xds | EmitTargets.Bpf);

    private static List<(byte[] Key, byte[] Value)> Entries(EmitResult result, string map)
    {
        var bytes = result.Bundle!.Files.Single(f => f.Path == $"bpf/{map}.bin").Content;
        Assert.Equal("MCBPF\0"u8.ToArray(), bytes[..6]);
        Assert.Equal(BpfMapFile.FormatVersion, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(6)));
        var keySize = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8));
        var valueSize = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(12));
        var count = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(16));
        Assert.Equal(BpfMapFile.HeaderSize + count * (keySize + valueSize), bytes.Length);
        return [.. Enumerable.Range(0, count).Select(i => BpfMapFile.HeaderSize + i * (keySize + valueSize))
            .Select(o => (bytes[o..(o + keySize)], bytes[(o + keySize)..(o + keySize + valueSize)]))];
    }

    [Fact]
    public void Bookstore_ServiceClaimedByCec_MasterEntryHasL7FlagAndListenerProxyPort()
    {
        var result = Bookstore();
        Assert.NotNull(result.Bundle);
        // bookstore sorts first: 127.0.200.1 (assigned from the service range, MC0453), port 8080, master slot 0, TCP.
        var key = new Lb4Key(0x7F00C801, 8080, 0, 6, 0).ToBytes();
        var (_, value) = Assert.Single(Entries(result, "cilium_lb4_services_v2"), e => e.Key.SequenceEqual(key));
        // proxy port 10000 (the CEC listener's, xds/redirects.json) in network order · count 0 · revnat 1 (BE) · flags2 L7.
        Assert.Equal("2710" + "0000" + "0000" + "0001" + "00" + "04" + "0000", Convert.ToHexString(value));
        Assert.Contains(result.Diagnostics, d => d.Code.Value == "MC0453" && d.Message.Contains("127.0.200.1"));
    }

    [Fact]
    public void Bookstore_PolicyForBookstoreV1_ExactEntries()
    {
        var result = Bookstore();
        var entries = Entries(result, "cilium_policy_v2_00001").Select(e => (Convert.ToHexString(e.Key), Convert.ToHexString(e.Value))).ToList();
        Assert.Equal(
        [
            // egress: no policy governs it, so allow all (prefix 40, identity 0) at the default allow precedence.
            ("28000000" + "00000000" + "01" + "00" + "0000", "0000" + "00" + "00" + "01FFFFFF" + "00000000"),
            // ingressDeny[0]: world (2) on 9000-9015/TCP = two /13 blocks (prefix 61), deny bit with 21<<3, precedence MAX, cookie 2.
            ("3D000000" + "02000000" + "00" + "06" + "2328", "0000" + "A9" + "00" + "FFFFFFFF" + "02000000"),
            ("3D000000" + "02000000" + "00" + "06" + "2330", "0000" + "A9" + "00" + "FFFFFFFF" + "02000000"),
            // ingress[0]: netshoot (258) on 8080/TCP, HTTP rules → the ingress proxy port 10001, prefix 24, precedence ...9A, cookie 1.
            ("40000000" + "02010000" + "00" + "06" + "1F90", "2711" + "C0" + "00" + "9AFFFFFF" + "01000000"),
        ], entries);
    }

    [Fact]
    public void Bookstore_Dumps_NameRuleIdentityAndProxyPort()
    {
        var result = Bookstore();
        var dump = System.Text.Encoding.UTF8.GetString(result.Bundle!.Files.Single(f => f.Path == "bpf/cilium_policy_v2_00001.txt").Content);
        Assert.Contains("Allow  Ingress  258  k8s:app=netshoot k8s:io.kubernetes.pod.namespace=default  8080/TCP  10001  24  0xFFFFFF9A  default/bookstore-readers ingress[0]", dump);
        Assert.Contains("Deny   Ingress  2  reserved:world  9000-9007/TCP  NONE  21  0xFFFFFFFF  default/bookstore-readers ingressDeny[0]", dump);
    }

    [Fact]
    public void Emit_SameInputTwice_SameBytes()
    {
        var first = Bookstore().Bundle!.Files.Where(f => f.Path.StartsWith("bpf/", StringComparison.Ordinal)).Select(f => (f.Path, f.Sha256));
        var second = Bookstore().Bundle!.Files.Where(f => f.Path.StartsWith("bpf/", StringComparison.Ordinal)).Select(f => (f.Path, f.Sha256));
        Assert.Equal(first, second);
    }

    [Fact]
    public void Emit_EndpointSlices_BackendsRevNatAndIpcache()
    {
        var input = BpfInputs.Deployment("api", "app: api") + BpfInputs.Service("api", "app: api", 80, "10.96.5.5") +
            BpfInputs.Slice("api-1", "api", "api-x", "10.0.0.7", 8080);
        var result = Compilation.Create([new SourceText("i.yaml", input)]).Emit(EmitTargets.Bpf);
        var services = Entries(result, "cilium_lb4_services_v2");
        Assert.Equal(2, services.Count);
        Assert.Equal("00000000" + "0100" + "0001" + "00" + "00" + "0000", Convert.ToHexString(services[0].Value));
        Assert.Equal("01000000" + "0000" + "0001" + "00" + "00" + "0000", Convert.ToHexString(services[1].Value));
        var (backendKey, backend) = Assert.Single(Entries(result, "cilium_lb4_backends_v3"));
        Assert.Equal("01000000", Convert.ToHexString(backendKey));
        Assert.Equal("0A000007" + "1F90" + "06" + "00" + "0000" + "00" + "00", Convert.ToHexString(backend));
        var (_, revNat) = Assert.Single(Entries(result, "cilium_lb4_reverse_nat"));
        Assert.Equal("0A600505" + "0050", Convert.ToHexString(revNat));
        var ipcache = Entries(result, "cilium_ipcache_v2");
        Assert.Contains(ipcache, e => Convert.ToHexString(e.Key) == "40000000" + "0000" + "00" + "01" + "0A000007" + new string('0', 24)
            && Convert.ToHexString(e.Value[..4]) == "00010000");
        Assert.DoesNotContain(result.Diagnostics, d => d.Code.Value == "MC0453");
    }

    [Fact]
    public void CheckCapacity_MapOverItsSize_Errors()
    {
        var compiled = BpfBackEnd.Compile(BpfInputs.Model(BpfInputs.Deployment("api", "app: api")), AddressTable.Empty, CompilationOptions.Default, [], [], new DiagnosticBag());
        var endpoint = compiled.Endpoints[0];
        var tiny = compiled with
        {
            Endpoints = [endpoint with { Map = endpoint.Map with { MaxEntries = 1 } }],
            Services = compiled.Services with { Entries = [.. compiled.Ipcache.Entries], MaxEntries = 0 },
            Ipcache = compiled.Ipcache with { MaxEntries = 0 },
        };
        var diagnostics = new DiagnosticBag();
        BpfBackEnd.CheckCapacity(tiny, diagnostics);
        Assert.Equal(["MC0450", "MC0451", "MC0452"], diagnostics.ToImmutableSorted().Select(d => d.Code.Value).Order());
    }

    [Fact]
    public void Emit_DslPolicy_LoweredIntoThePolicyMap()
    {
        const string dsl = """
            workload api pods app=api
            workload web pods app=web
            policy api-access select app=api {
              allow from app=web port 8080 http GET /books
              allow to * port 53 udp
            }
            """;
        var result = Compilation.Create([new SourceText("p.dsl", dsl)]).Emit(EmitTargets.Bpf);
        Assert.NotNull(result.Bundle);
        var dump = System.Text.Encoding.UTF8.GetString(result.Bundle!.Files.Single(f => f.Path == "bpf/cilium_policy_v2_00001.txt").Content);
        Assert.Contains("Allow  Ingress  257  k8s:app=web k8s:io.kubernetes.pod.namespace=default  8080/TCP  10000  24  0xFFFFFF9A  default/api-access ingress[0]", dump);
        Assert.Contains("Allow  Egress   0  reserved:unknown  53/UDP  NONE  24  0xFFFFFF01  default/api-access egress[0]", dump);
    }

    [Theory]
    [InlineData(8080, 8080, "8080/16")]
    [InlineData(9000, 9015, "9000/13 9008/13")]
    [InlineData(1, 7, "1/16 2/15 4/14")]
    [InlineData(0, 65535, "0/0")]
    [InlineData(1024, 65535, "1024/6 2048/5 4096/4 8192/3 16384/2 32768/1")]
    public void PortMasks_Range_AlignedBlocks(int first, int last, string expected) =>
        Assert.Equal(expected, string.Join(" ", PortMasks.Split(first, last).Select(b => $"{b.Port}/{b.PrefixBits}")));
}
