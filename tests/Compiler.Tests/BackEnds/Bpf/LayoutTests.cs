using System.Net;
using Meshc.Compiler.BackEnds.Bpf.Layouts;

namespace Meshc.Compiler.Tests.BackEnds.Bpf;

/// <summary>
/// Pins every map struct's size, field offsets and byte order (cilium.md §5): distinct known values are written and
/// the exact bytes asserted, so a swapped field or a wrong endianness fails.
/// </summary>
public sealed class LayoutTests
{
    private static string Hex(IBpfRecord record) => Convert.ToHexString(record.ToBytes());

    [Fact]
    public void PolicyKey_KnownValues_HostPrefixAndIdentityNetworkPort()
    {
        var key = new PolicyKey(PrefixLength: 64, Identity: 0x01020304, Egress: true, Protocol: 6, Port: 8080);
        // prefixlen LE @0 · identity LE @4 · egress bit @8 · proto @9 · dport BE @10 (8080 = 0x1F90)
        Assert.Equal("40000000" + "04030201" + "01" + "06" + "1F90", Hex(key));
        Assert.Equal(12, key.ToBytes().Length);
        Assert.Equal(key, PolicyKey.Read(key.ToBytes()));
    }

    [Fact]
    public void PolicyKey_Ingress_DirectionByteIsZero()
    {
        var key = new PolicyKey(40, 0, false, 0, 0);
        Assert.Equal("28000000" + "00000000" + "00" + "00" + "0000", Hex(key));
        Assert.Equal(0, key.DataPrefixBits);
    }

    [Fact]
    public void PolicyEntry_KnownValues_NetworkProxyPortFlagBitsAndHostPrecedence()
    {
        var entry = new PolicyEntry(ProxyPort: 10000, Deny: true, PrefixLength: 24, AuthType: 2, HasExplicitAuth: true,
            Precedence: 0xFFFFFF9A, Cookie: 0x0A0B0C0D);
        // proxy_port BE @0 (10000 = 0x2710) · deny bit0 | prefix 24<<3 = 0xC1 @2 · auth 2 | 0x80 @3 · precedence LE @4 · cookie LE @8
        Assert.Equal("2710" + "C1" + "82" + "9AFFFFFF" + "0D0C0B0A", Hex(entry));
        Assert.Equal(entry, PolicyEntry.Read(entry.ToBytes()));
    }

    [Fact]
    public void PolicyEntry_DefaultAllow_HasOnlyPrecedence()
    {
        var entry = new PolicyEntry(0, false, 0, 0, false, 0xFFFFFF01, 0);
        Assert.Equal("0000" + "00" + "00" + "01FFFFFF" + "00000000", Hex(entry));
    }

    [Fact]
    public void IpcacheKey_Ipv4Slash32_PrefixClusterFamilyAndAddress()
    {
        var key = IpcacheKey.For(IPAddress.Parse("10.1.2.3"), 32) with { ClusterId = 0x0102 };
        // prefixlen 64 LE @0 · cluster_id LE @4 · pad @6 · family 1 @7 · address @8..23
        Assert.Equal("40000000" + "0201" + "00" + "01" + "0A010203" + new string('0', 24), Hex(key));
        Assert.Equal(24, key.ToBytes().Length);
    }

    [Fact]
    public void IpcacheKey_Cidr_ClearsBitsBeyondPrefix()
    {
        var key = IpcacheKey.For(IPAddress.Parse("192.168.77.200"), 20);
        Assert.Equal((uint)52, key.PrefixLength);
        Assert.Equal("34000000" + "0000" + "00" + "01" + "C0A84000" + new string('0', 24), Hex(key));
    }

    [Fact]
    public void RemoteEndpointInfo_KnownValues_IdentityTunnelKeyFlags()
    {
        var info = new RemoteEndpointInfo(Identity: 0x01000002, TunnelEndpointV4: 0xC0A80001, Key: 7, Flags: RemoteEndpointInfo.FlagHasTunnelEndpoint);
        // identity LE @0 · tunnel v4 BE @4 · zeros to @20 · pad @20..21 · key @22 · flags @23
        Assert.Equal("02000001" + "C0A80001" + new string('0', 24) + "0000" + "07" + "02", Hex(info));
        Assert.Equal(24, info.ToBytes().Length);
    }

    [Fact]
    public void Lb4Key_KnownValues_NetworkAddressPortHostSlot()
    {
        var key = new Lb4Key(Address: 0x0A600001, Port: 8080, BackendSlot: 0x0102, Protocol: 6, Scope: 1);
        // addr BE @0 · dport BE @4 · slot LE @6 · proto @8 · scope @9 · pad @10..11
        Assert.Equal("0A600001" + "1F90" + "0201" + "06" + "01" + "0000", Hex(key));
    }

    [Fact]
    public void Lb4Service_L7Master_ProxyPortNetworkOrderAndFlag2()
    {
        var svc = new Lb4Service(0, L7ProxyPort: 13131, Count: 0, RevNatIndex: 0x0003, Flags: 0, Flags2: Lb4Service.Flag2L7LoadBalancer, QuarantinedCount: 0);
        // 13131 = 0x334B in network order, bytes 2-3 zero · count LE · rev_nat BE · flags · flags2 0x04 · qcount LE
        Assert.Equal("334B" + "0000" + "0000" + "0003" + "00" + "04" + "0000", Hex(svc));
    }

    [Fact]
    public void Lb4Service_Slot_BackendIdHostOrder()
    {
        var svc = new Lb4Service(BackendId: 0x00000102, 0, Count: 0x0304, RevNatIndex: 0x0506, Flags: 0x20, Flags2: 0, QuarantinedCount: 0x0708);
        Assert.Equal("02010000" + "0403" + "0506" + "20" + "00" + "0807", Hex(svc));
    }

    [Fact]
    public void Lb4Backend_KnownValues_AllFields()
    {
        var backend = new Lb4Backend(Address: 0x0A000105, Port: 9080, Protocol: 6, State: Lb4Backend.StateTerminating, ClusterId: 0x0102, Zone: 3);
        // addr BE · port BE (9080 = 0x2378) · proto · state · cluster_id LE · zone · pad
        Assert.Equal("0A000105" + "2378" + "06" + "01" + "0201" + "03" + "00", Hex(backend));
    }

    [Fact]
    public void Lb4ReverseNat_KnownValues_SixBytesNetworkOrder()
    {
        var revNat = new Lb4ReverseNat(0x0A600001, 8080);
        Assert.Equal("0A600001" + "1F90", Hex(revNat));
    }

    [Fact]
    public void ScalarKeys_BackendIdHostRevNatNetwork()
    {
        Assert.Equal("01020000", Hex(new BackendIdKey(0x0201)));
        Assert.Equal("0102", Hex(new RevNatKey(0x0102)));
    }

    [Fact]
    public void Sizes_EveryStruct_MatchesTheDatapath()
    {
        Assert.Equal(12, PolicyKey.Size);
        Assert.Equal(12, PolicyEntry.Size);
        Assert.Equal(24, IpcacheKey.Size);
        Assert.Equal(24, RemoteEndpointInfo.Size);
        Assert.Equal(12, Lb4Key.Size);
        Assert.Equal(12, Lb4Service.Size);
        Assert.Equal(12, Lb4Backend.Size);
        Assert.Equal(6, Lb4ReverseNat.Size);
    }
}
