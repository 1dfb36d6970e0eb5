namespace Meshc.Server.Sources;

/// <summary>
/// The outcome of the last compilation of the inputs, for the admin API and the log: whether its bundle is served,
/// the bundle being served (the previous one when this compilation produced none), and its diagnostics.
/// </summary>
public sealed record CompileStatus(
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    bool Served,
    string ServedBundleId,
    int Errors,
    int Warnings,
    IReadOnlyList<string> Diagnostics,
    int Resources,
    int NotifiedStreams)
{
    public double Milliseconds => (FinishedAt - StartedAt).TotalMilliseconds;
}
