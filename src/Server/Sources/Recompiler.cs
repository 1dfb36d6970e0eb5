using System.Collections.Immutable;
using Meshc.Compiler;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.FrontEnds;
using Meshc.Server.Admin;
using Meshc.Server.Resources;
using Meshc.Server.Snapshots;

namespace Meshc.Server.Sources;

/// <summary>
/// Compiles the inputs (through <see cref="Compilation"/>, as <c>meshc compile</c> does) and publishes the bundle's
/// resources to the snapshot cache. A compilation that yields no bundle leaves the served snapshot as it was; one
/// that yields a bundle is served, diagnostics and all. One compilation runs at a time.
/// </summary>
public sealed class Recompiler(IReadOnlyList<string> inputs, CompilationOptions options, XdsMetrics metrics)
{
    private readonly Lock _gate = new();

    /// <summary>The last compilation's outcome (null before the first).</summary>
    public CompileStatus? Last { get; private set; }

    /// <summary>Compiles the inputs; returns the resources to serve (null: none, keep what is served) and the status.</summary>
    public (ResourceSet? Set, ImmutableArray<Diagnostic> Diagnostics) Compile()
    {
        lock (_gate)
        {
            var diagnostics = new DiagnosticBag();
            var sources = SourceLoader.Load(inputs, diagnostics);
            if (diagnostics.HasErrors) return (null, diagnostics.ToImmutableSorted());
            var result = Compilation.Create(sources, options).Emit(EmitTargets.Xds);
            if (result.Bundle is null) return (null, result.Diagnostics);
            return (BundleResources.From(result.Bundle), result.Diagnostics);
        }
    }

    /// <summary>Compiles and, when there is a bundle, publishes it to <paramref name="cache"/>.</summary>
    public CompileStatus CompileAndPublish(SnapshotCache cache) => CompileAndPublishWithDiagnostics(cache).Status;

    /// <summary>As <see cref="CompileAndPublish"/>, with the diagnostics themselves (the first compilation prints them).</summary>
    public (CompileStatus Status, ImmutableArray<Diagnostic> Diagnostics) CompileAndPublishWithDiagnostics(SnapshotCache cache)
    {
        var started = DateTimeOffset.UtcNow;
        var (set, diagnostics) = Compile();
        var notified = 0;
        if (set is not null) notified = cache.Publish(set).NotifiedStreams;
        metrics.Count(XdsMetrics.Compiles, set is null ? "kept" : diagnostics.Any(d => d.Severity == Severity.Error) ? "degraded" : "ok");
        if (set is not null)
        {
            metrics.Count(XdsMetrics.Publishes);
            metrics.Count(XdsMetrics.Woken, by: notified);
        }
        var status = new CompileStatus(started, DateTimeOffset.UtcNow, set is not null, cache.Current.BundleId,
            diagnostics.Count(d => d.Severity == Severity.Error), diagnostics.Count(d => d.Severity == Severity.Warning),
            [.. diagnostics.Where(d => d.Severity != Severity.Info).Select(d => d.ToString())], cache.Current.Count, notified);
        Last = status;
        return (status, diagnostics);
    }
}
