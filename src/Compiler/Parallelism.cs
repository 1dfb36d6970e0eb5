namespace Meshc.Compiler;

/// <summary>
/// Runs independent pieces of a phase (files to parse, resources to format) on several cores. Each piece writes only
/// its own slot of the result, and the caller reads the slots in order, so the output is the same whichever piece
/// finishes first, and the same as with <see cref="CompilationOptions.MaxParallelism"/> = 1.
/// </summary>
internal static class Parallelism
{
    /// <summary><paramref name="map"/> of every item, in item order.</summary>
    public static TResult[] Map<TItem, TResult>(CompilationOptions options, IReadOnlyList<TItem> items, Func<TItem, TResult> map)
    {
        var results = new TResult[items.Count];
        if (options.MaxParallelism == 1 || items.Count < 2)
        {
            for (var i = 0; i < items.Count; i++) results[i] = map(items[i]);
            return results;
        }
        var settings = new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelism > 0 ? options.MaxParallelism : -1 };
        Parallel.For(0, items.Count, settings, i => results[i] = map(items[i]));
        return results;
    }
}
