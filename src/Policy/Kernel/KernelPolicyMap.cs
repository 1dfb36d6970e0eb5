using System.Buffers.Binary;

namespace Meshc.PolicyEngine.Kernel;

/// <summary>
/// A kernel policy map (LPM trie) queried through <c>BPF_MAP_LOOKUP_ELEM</c>, so the engine's decisions can be checked
/// against the kernel's own longest-prefix match. The kernel returns only the value; the matched key is rebuilt from
/// the value's <c>lpm_prefix_length</c> (40 static bits plus the protocol/port bits).
/// </summary>
public sealed class KernelPolicyMap(KernelMap map) : IPolicyEntries
{
    public string Name => map.Name;

    public (PolicyMapKey Key, PolicyMapValue Value)? Lookup(PolicyMapKey key)
    {
        Span<byte> bytes = stackalloc byte[PolicyMapKey.Size];
        bytes.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, PolicyMapKey.FullPrefix);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[4..], key.Identity);
        bytes[8] = (byte)(key.Egress ? 1 : 0);
        bytes[9] = key.Protocol;
        BinaryPrimitives.WriteUInt16BigEndian(bytes[10..], key.Port);
        if (map.Lookup(bytes) is not { } found) return null;
        var value = PolicyMapValue.Decode(found);
        return (key with { PrefixLength = 40u + value.LpmPrefixLength }, value);
    }
}
