namespace Meshc.Compiler.Benchmarks.Inputs;

/// <summary>
/// SplitMix64: a tiny seeded generator. Written out here (rather than System.Random) so the same seed gives the same
/// inputs on every .NET version, which keeps benchmark runs from different days comparable.
/// </summary>
public sealed class SeededRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>
    /// A generator for one object, fixed by the seed, a stream (which kind of object) and the object's index, so an
    /// object's content does not depend on the order in which the generator visits objects.
    /// </summary>
    public static SeededRandom For(ulong seed, ulong stream, int index) =>
        new(new SeededRandom(seed ^ (stream * 0xD1B54A32D192ED03UL) ^ (ulong)index).NextUInt64());

    /// <summary>The next raw 64-bit value.</summary>
    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, <paramref name="count"/>).</summary>
    public int Next(int count) => count <= 1 ? 0 : (int)(NextUInt64() % (ulong)count);

    /// <summary>A value in [<paramref name="min"/>, <paramref name="max"/>] (both included).</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    /// <summary>True with the given probability (0…1).</summary>
    public bool Chance(double probability) => (NextUInt64() >> 11) * (1.0 / (1UL << 53)) < probability;
}
