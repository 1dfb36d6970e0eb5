using System.Threading.Channels;

namespace Meshc.Server.Sources;

/// <summary>
/// Watches the inputs (folders recursively, files one by one) and calls back once the writes have settled: an editor
/// or <c>git checkout</c> touches several files, and one compilation after the last write is what is wanted. Calls
/// never overlap; changes during a call lead to one more call after it.
/// </summary>
public sealed class InputWatcher : IDisposable
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(200);

    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Timer _debounce;
    private readonly Channel<bool> _due = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public InputWatcher(IEnumerable<string> inputs, Func<Task> changed)
    {
        _debounce = new Timer(_ => _due.Writer.TryWrite(true));
        foreach (var input in inputs.Select(Path.GetFullPath))
        {
            var watcher = Directory.Exists(input)
                ? new FileSystemWatcher(input) { IncludeSubdirectories = true }
                : new FileSystemWatcher(Path.GetDirectoryName(input) ?? ".", Path.GetFileName(input));
            watcher.NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.Size;
            watcher.Changed += (_, _) => Touch();
            watcher.Created += (_, _) => Touch();
            watcher.Deleted += (_, _) => Touch();
            watcher.Renamed += (_, _) => Touch();
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
        _loop = Task.Run(async () =>
        {
            try
            {
                while (await _due.Reader.WaitToReadAsync(_stop.Token))
                {
                    _due.Reader.TryRead(out _);
                    await changed();
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
            }
        });
    }

    /// <summary>Asks for a call now (a signal, or a test), without waiting for a file change.</summary>
    public void Trigger() => _due.Writer.TryWrite(true);

    private void Touch() => _debounce.Change(Settle, Timeout.InfiniteTimeSpan);

    public void Dispose()
    {
        foreach (var watcher in _watchers) watcher.Dispose();
        _debounce.Dispose();
        _stop.Cancel();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
        _stop.Dispose();
    }
}
