namespace Meshc.Compiler.BackEnds.Bpf;

/// <summary>
/// Splits a port range into the power-of-two aligned blocks an LPM key can match, as Cilium's
/// <c>PortRangeToMaskedPorts</c> does: each block is a port and the number of leading port bits that must match.
/// </summary>
public static class PortMasks
{
    /// <summary>The blocks covering <paramref name="first"/>..<paramref name="last"/> (inclusive), lowest first.</summary>
    public static IReadOnlyList<(ushort Port, int PrefixBits)> Split(int first, int last)
    {
        var blocks = new List<(ushort, int)>();
        var start = first;
        while (start <= last)
        {
            // The largest block that starts at 'start' (aligned) and does not pass 'last'.
            var size = 1;
            while (size < 65536 && start % (size * 2) == 0 && start + size * 2 - 1 <= last) size *= 2;
            blocks.Add(((ushort)start, 16 - (int)Math.Log2(size)));
            start += size;
        }
        return blocks;
    }
}
