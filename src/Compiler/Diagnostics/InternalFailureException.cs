namespace Meshc.Compiler.Diagnostics;

/// <summary>
/// A fault in meshc itself, with the file it was working on: no input may cause one (the fuzz targets hold every
/// front end to that), but if one does, the command line turns it into one MC0902 line and exit code 2.
/// </summary>
public sealed class InternalFailureException(string path, string phase, Exception inner)
    : Exception($"internal error while {phase} {path}: {inner.Message}", inner)
{
    /// <summary>The file (or files) being worked on.</summary>
    public string Path { get; } = path;

    /// <summary>What meshc was doing: "reading", "checking", "building the bundle of".</summary>
    public string Phase { get; } = phase;
}
