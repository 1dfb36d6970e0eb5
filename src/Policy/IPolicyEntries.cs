namespace Meshc.PolicyEngine;

/// <summary>A policy map the lookup engine can query: the in-process <see cref="PolicyMap"/>, or a kernel map read through bpf(2).</summary>
public interface IPolicyEntries
{
    string Name { get; }

    /// <summary>The longest-prefix entry for a full-prefix lookup key, or null.</summary>
    (PolicyMapKey Key, PolicyMapValue Value)? Lookup(PolicyMapKey key);
}
