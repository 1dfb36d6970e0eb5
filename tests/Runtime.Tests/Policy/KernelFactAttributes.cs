namespace Meshc.Runtime.Tests.Policy;

/// <summary>A fact reported as skipped, with the reason, where bpf() is refused.</summary>
public sealed class KernelFactAttribute : FactAttribute
{
    public KernelFactAttribute()
    {
        if (KernelSupport.Maps is { } reason) Skip = reason;
    }
}

/// <summary>A theory reported as skipped, with the reason, where bpf() is refused.</summary>
public sealed class KernelTheoryAttribute : TheoryAttribute
{
    public KernelTheoryAttribute()
    {
        if (KernelSupport.Maps is { } reason) Skip = reason;
    }
}

/// <summary>A fact reported as skipped where no bpffs can be had for pinning.</summary>
public sealed class BpffsFactAttribute : FactAttribute
{
    public BpffsFactAttribute()
    {
        if (KernelSupport.Bpffs is { } reason) Skip = reason;
    }
}
