using System.Diagnostics;
using System.Globalization;

namespace Meshc.Compiler.Cli;

/// <summary>
/// With <c>MESHC_TIMINGS=1</c>, the command prints where its time went to stderr: the runtime's own start-up (process
/// start to <c>Main</c>), then each phase, wall and CPU. Off, it only runs the phases.
/// </summary>
internal static class PhaseTimings
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("MESHC_TIMINGS") == "1";
    private static readonly List<string> Lines = [];
    private static readonly Lock LinesLock = new();

    /// <summary>Notes the time from process start to now (call first thing in Main).</summary>
    public static void Started()
    {
        if (!Enabled) return;
        using var process = Process.GetCurrentProcess();
        Add("start-up (process start to Main)", (DateTime.Now - process.StartTime).TotalMilliseconds, process.TotalProcessorTime.TotalMilliseconds);
    }

    public static T Time<T>(string phase, Func<T> run)
    {
        if (!Enabled) return run();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = run();
        process.Refresh();
        Add(phase, clock.Elapsed.TotalMilliseconds, (process.TotalProcessorTime - cpu).TotalMilliseconds);
        return result;
    }

    /// <summary>Starts <paramref name="run"/> on another thread; its wall time is noted when it ends.</summary>
    public static void Background(string phase, Action run) => Task.Run(() =>
    {
        var clock = Stopwatch.StartNew();
        run();
        if (Enabled) Add(phase, clock.Elapsed.TotalMilliseconds, double.NaN);
    });

    public static void Print(TextWriter stderr)
    {
        if (!Enabled) return;
        using var process = Process.GetCurrentProcess();
        Add("whole process so far", (DateTime.Now - process.StartTime).TotalMilliseconds, process.TotalProcessorTime.TotalMilliseconds);
        lock (LinesLock)
            foreach (var line in Lines) stderr.WriteLine(line);
    }

    private static void Add(string phase, double wallMs, double cpuMs)
    {
        var cpu = double.IsNaN(cpuMs) ? "" : string.Create(CultureInfo.InvariantCulture, $" {cpuMs,8:F1} ms CPU");
        var line = string.Create(CultureInfo.InvariantCulture, $"meshc: timing: {phase,-40} {wallMs,8:F1} ms wall{cpu}");
        lock (LinesLock) Lines.Add(line);
    }
}
