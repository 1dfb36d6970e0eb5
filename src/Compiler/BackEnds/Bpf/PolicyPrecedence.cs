namespace Meshc.Compiler.BackEnds.Bpf;

/// <summary>
/// The precedence of a policy entry (Cilium <c>pkg/policy/types/entry.go</c>): the upper 24 bits are
/// <c>0xFFFFFF - priority</c> (priority 0, the default, is highest); the low byte orders verdicts of one priority:
/// 255 deny, 255 - listener priority for a proxy redirect (HTTP parser 101 → 154), 1 plain allow. Higher wins.
/// </summary>
public static class PolicyPrecedence
{
    public const byte DenyByte = 255;
    public const byte AllowByte = 1;

    /// <summary>The listener priority Cilium gives the HTTP parser.</summary>
    public const byte HttpListenerPriority = 101;

    public static uint Deny(uint priority = 0) => Compose(priority, DenyByte);
    public static uint Allow(uint priority = 0) => Compose(priority, AllowByte);
    public static uint HttpRedirect(uint priority = 0) => Compose(priority, (byte)(255 - HttpListenerPriority));

    private static uint Compose(uint priority, byte low) => ((0xFFFFFFu - Math.Min(priority, 0xFFFFFFu)) << 8) | low;
}
