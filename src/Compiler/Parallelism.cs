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
        var failures = new Exception?[items.Count];
        Parallel.For(0, items.Count, settings, i =>
        {
            try
            {
                results[i] = map(items[i]);
            }
            catch (Exception e)
            {
                failures[i] = e;
            }
        });
        // A failure surfaces as itself (not wrapped), and the first in item order, as it would one at a time.
        if (failures.FirstOrDefault(f => f is not null) is { } failure)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        return results;
    }
}
