using System.Buffers.Binary;
using System.Text.Json;

namespace Meshc.PolicyEngine;

/// <summary>An endpoint of a bundle: id, workload, identity, its policy map and the HTTP rules its proxy enforces.</summary>
public sealed record PolicyEndpoint(int Id, string Workload, uint Identity, PolicyMap Map, IReadOnlyList<HttpRuleSet> Http);

/// <summary>
/// A Service frontend: address and port, the backend (target) port the Service translates it to, the L7 proxy port
/// when a listener claims it, its backends and the endpoints it selects.
/// </summary>
public sealed record ServiceFrontend(string Service, string Address, int Port, int TargetPort, int Protocol, int L7ProxyPort, IReadOnlyList<string> Backends, IReadOnlyList<int> Endpoints);

/// <summary>
/// The BPF part of a bundle loaded for enforcement and traces: <c>bpf/policy.json</c> (identities, endpoints,
/// rules, frontends) and the verified maps it names, plus the ipcache. Loading never throws on bad input: it
/// returns an error line.
/// </summary>
public sealed class PolicyBundle
{
    private PolicyBundle(IReadOnlyDictionary<uint, string> identities, IReadOnlyList<PolicyEndpoint> endpoints,
        IReadOnlyDictionary<uint, string> rules, IReadOnlyList<ServiceFrontend> frontends, IReadOnlyList<(uint Network, int Bits, uint Identity)> ipcache)
    {
        Identities = identities;
        Endpoints = endpoints;
        Rules = rules;
        Frontends = frontends;
        Ipcache = ipcache;
    }

    public IReadOnlyDictionary<uint, string> Identities { get; }
    public IReadOnlyList<PolicyEndpoint> Endpoints { get; }
    /// <summary>The rule behind each cookie: <c>namespace/policy ingress[0]</c>.</summary>
    public IReadOnlyDictionary<uint, string> Rules { get; }
    public IReadOnlyList<ServiceFrontend> Frontends { get; }
    public IReadOnlyList<(uint Network, int Bits, uint Identity)> Ipcache { get; }

    public static (PolicyBundle? Bundle, string? Error) LoadFolder(string folder)
    {
        var bpf = Path.Combine(folder, "bpf");
        if (!Directory.Exists(bpf)) return (null, $"{folder}: the bundle has no bpf/ section (compile with --emit bpf)");
        var files = Directory.GetFiles(bpf).ToDictionary(f => $"bpf/{Path.GetFileName(f)}", File.ReadAllBytes, StringComparer.Ordinal);
        return Load(files);
    }

    /// <summary>Loads from the bundle's files by bundle path (<c>bpf/policy.json</c>, <c>bpf/cilium_policy_v2_00001.bin</c>, …).</summary>
    public static (PolicyBundle? Bundle, string? Error) Load(IReadOnlyDictionary<string, byte[]> files)
    {
        if (!files.TryGetValue("bpf/policy.json", out var json)) return (null, "bpf/policy.json is missing");
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            var identities = root.GetProperty("identities").EnumerateArray()
                .ToDictionary(i => i.GetProperty("id").GetUInt32(), i => i.GetProperty("labels").GetString() ?? "");
            var rules = root.GetProperty("rules").EnumerateArray()
                .ToDictionary(r => r.GetProperty("cookie").GetUInt32(), r => $"{r.GetProperty("policy").GetString()} {r.GetProperty("rule").GetString()}");
            var endpoints = new List<PolicyEndpoint>();
            foreach (var e in root.GetProperty("endpoints").EnumerateArray())
            {
                var name = e.GetProperty("map").GetString() ?? "";
                if (!files.TryGetValue($"bpf/{name}.bin", out var bytes)) return (null, $"bpf/{name}.bin is missing");
                var (image, error) = BpfMapImage.Read(name, bytes, PolicyMapKey.Size, PolicyMapValue.Size);
                if (image is null) return (null, error);
                endpoints.Add(new PolicyEndpoint(e.GetProperty("id").GetInt32(), e.GetProperty("workload").GetString() ?? "",
                    e.GetProperty("identity").GetUInt32(), PolicyMap.From(image), [.. e.GetProperty("http").EnumerateArray().Select(ReadHttp)]));
            }
            var frontends = root.GetProperty("frontends").EnumerateArray().Select(f => new ServiceFrontend(
                f.GetProperty("service").GetString() ?? "", f.GetProperty("address").GetString() ?? "", f.GetProperty("port").GetInt32(),
                // Bundles compiled before targetPort was written translate nothing: the Service port is the backend's.
                f.TryGetProperty("targetPort", out var target) ? target.GetInt32() : f.GetProperty("port").GetInt32(),
                f.GetProperty("protocol").GetInt32(), f.GetProperty("l7ProxyPort").GetInt32(),
                [.. f.GetProperty("backends").EnumerateArray().Select(b => b.GetString() ?? "")],
                [.. f.GetProperty("endpoints").EnumerateArray().Select(b => b.GetInt32())])).ToList();
            var ipcache = new List<(uint, int, uint)>();
            if (files.TryGetValue("bpf/cilium_ipcache_v2.bin", out var ipcacheBytes))
            {
                var (image, error) = BpfMapImage.Read("cilium_ipcache_v2", ipcacheBytes, 24, 24);
                if (image is null) return (null, error);
                foreach (var (key, value) in image.Entries.Where(e => e.Key[7] == 1))
                    ipcache.Add((BinaryPrimitives.ReadUInt32BigEndian(key.AsSpan(8)), (int)BinaryPrimitives.ReadUInt32LittleEndian(key) - 32,
                        BinaryPrimitives.ReadUInt32LittleEndian(value)));
            }
            return (new PolicyBundle(identities, endpoints, rules, frontends, ipcache), null);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return (null, $"bpf/policy.json is unreadable: {e.Message}");
        }
    }

    /// <summary>The identity of an IPv4 address by longest prefix in the ipcache; world (2) when nothing matches.</summary>
    public uint ResolveIdentity(uint address)
    {
        var best = (Bits: -1, Identity: 2u);
        foreach (var (network, bits, identity) in Ipcache)
        {
            var mask = bits == 0 ? 0u : uint.MaxValue << (32 - bits);
            if ((address & mask) == network && bits > best.Bits) best = (bits, identity);
        }
        return best.Identity;
    }

    public string Labels(uint identity) => identity == 0 ? "reserved:unknown" : Identities.GetValueOrDefault(identity, "?");

    public string RuleName(uint cookie) => cookie == 0 ? "(no policy: allow all)" : Rules.GetValueOrDefault(cookie, $"cookie {cookie}");

    private static HttpRuleSet ReadHttp(JsonElement e) => new(
        e.GetProperty("cookie").GetUInt32(), e.GetProperty("egress").GetBoolean(),
        [.. e.GetProperty("identities").EnumerateArray().Select(i => i.GetUInt32())],
        e.GetProperty("firstPort").GetInt32(), e.GetProperty("lastPort").GetInt32(),
        [.. e.GetProperty("rules").EnumerateArray().Select(r => new HttpRule(
            r.TryGetProperty("method", out var m) ? m.GetString() : null,
            r.TryGetProperty("path", out var p) ? p.GetString() : null,
            [.. r.GetProperty("headers").EnumerateArray().Select(h => h.GetString() ?? "")]))]);
}
