using System.Runtime.InteropServices;
using Meshc.Runtime.Loading;
using Meshc.Runtime.Model;

namespace Meshc.Runtime.Proxy;

/// <summary>
/// Hot reload: on a change in the bundle folder (or SIGHUP) the bundle is loaded and verified again and, if it is
/// sound, its snapshot replaces the current one atomically; requests in flight finish on the snapshot they snapped.
/// A bad bundle is refused with its reason (logged, on <c>/meshc/bundle</c>, counted as <c>meshc.bundle.update_rejected</c>)
/// and the old snapshot keeps serving. Start-up loads through the same <see cref="VerifiedBundle.Load"/>. The proxy's
/// sockets follow the new snapshot (<see cref="ProxyHost.Apply"/>): new ones open, removed ones drain and close, kept
/// ones keep their connections. Nothing a reload meets ends the process: a fault is logged and the old snapshot stays.
/// </summary>
public sealed class BundleReloader : IDisposable
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);

    private readonly string _folder;
    private readonly ProxyHost _host;
    private readonly SnapshotHolder _holder;
    private readonly Func<RuntimeSnapshot, RuntimeSnapshot> _adjust;
    private readonly Action<string> _log;
    private readonly FileSystemWatcher _parentWatcher;
    private FileSystemWatcher? _folderWatcher;
    private readonly PosixSignalRegistration? _sighup;
    private readonly Timer _debounce;
    private readonly Lock _gate = new();

    private readonly Func<SecretStore> _secrets;

    /// <param name="folder">The bundle folder to watch.</param>
    /// <param name="host">The proxy the reloaded snapshots go to.</param>
    /// <param name="adjust">Applied to each new snapshot (demo backends redirect clusters).</param>
    /// <param name="log">Where reload lines go.</param>
    /// <param name="secrets">Reads the TLS secrets again on every reload, so renewed certificates are picked up (SIGHUP).</param>
    public BundleReloader(string folder, ProxyHost host, Func<RuntimeSnapshot, RuntimeSnapshot> adjust, Action<string> log, Func<SecretStore>? secrets = null)
    {
        _secrets = secrets ?? (() => SecretStore.Empty);
        _folder = folder;
        _host = host;
        _holder = host.Holder;
        _adjust = adjust;
        _log = log;
        _debounce = new Timer(_ => Guarded(() => { WatchFolder(); Reload(); }));
        // The compiler replaces a bundle by moving a new folder into place, so the parent is watched for that move and
        // the folder itself (re-watched after every change) for edits in place.
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        _parentWatcher = new FileSystemWatcher(Path.GetDirectoryName(full) ?? ".", Path.GetFileName(full))
        {
            IncludeSubdirectories = false,
            NotifyFilter = NotifyFilters.DirectoryName | NotifyFilters.LastWrite,
        };
        Hook(_parentWatcher);
        WatchFolder();
        if (!OperatingSystem.IsWindows())
            _sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, c => { c.Cancel = true; Guarded(() => Reload()); });
    }

    private void Hook(FileSystemWatcher watcher)
    {
        // A writer touches several files; reloading once they have settled avoids reading a half-written bundle.
        FileSystemEventHandler changed = (_, _) => _debounce.Change(Settle, Timeout.InfiniteTimeSpan);
        watcher.Changed += changed;
        watcher.Created += changed;
        watcher.Deleted += changed;
        watcher.Renamed += (_, _) => _debounce.Change(Settle, Timeout.InfiniteTimeSpan);
        watcher.EnableRaisingEvents = true;
    }

    private void WatchFolder()
    {
        lock (_gate)
        {
            _folderWatcher?.Dispose();
            _folderWatcher = null;
            if (!Directory.Exists(_folder)) return;
            _folderWatcher = new FileSystemWatcher(_folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size,
            };
            Hook(_folderWatcher);
        }
    }

    /// <summary>Loads and verifies the folder now; true when a new snapshot was swapped in.</summary>
    public bool Reload()
    {
        lock (_gate)
        {
            var (verified, error) = VerifiedBundle.Load(_folder, _secrets());
            if (verified is null)
            {
                _holder.RecordLoad(error);
                _log($"reload refused, still serving bundle {_holder.Current.BundleId[..12]}: {error}");
                return false;
            }
            var snapshot = verified.Snapshot;
            if (snapshot.BundleId == _holder.Current.BundleId && snapshot.SecretsFingerprint == _holder.Current.SecretsFingerprint)
            {
                _holder.RecordLoad(null);
                // Same bundle: only sockets an earlier reload could not bind are tried again (a SIGHUP once the port is free).
                if (_holder.UnservedSockets.Count > 0) Log(_host.Apply(_holder.Current));
                return false;
            }
            // The same bundle with other secrets: certificates were renewed (connections in flight keep theirs).
            var secretsOnly = snapshot.BundleId == _holder.Current.BundleId;
            var changes = SnapshotSwap.Apply(_host, verified.Bundle, snapshot, _adjust);
            _holder.RecordLoad(null);
            _log(secretsOnly ? $"reloaded TLS secrets of bundle {snapshot.BundleId[..12]}" : $"reloaded bundle {snapshot.BundleId[..12]}");
            Log(changes);
            Log(StartupNotes.Lines(verified.Bundle.Status(), _host.Sockets));
            return true;
        }
    }

    /// <summary>Runs a reload step off the request path; a fault in it is logged and counted, never left to end the process.</summary>
    private void Guarded(Action step)
    {
        try
        {
            step();
        }
        catch (Exception e)
        {
            var error = $"{_folder}: internal error while reloading: {e.GetType().Name}: {e.Message}";
            try
            {
                _holder.RecordLoad(error);
                _log($"reload refused, still serving bundle {_holder.Current.BundleId[..12]}: {error}");
            }
            catch (Exception)
            {
                // Logging itself failed (a closed output): the old snapshot still serves, which is what matters.
            }
        }
    }

    private void Log(IEnumerable<string> lines)
    {
        foreach (var line in lines) _log(line);
    }

    public void Dispose()
    {
        _debounce.Dispose();
        _parentWatcher.Dispose();
        lock (_gate) _folderWatcher?.Dispose();
        _sighup?.Dispose();
    }
}
