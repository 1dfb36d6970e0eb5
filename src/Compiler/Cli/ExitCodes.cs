namespace Meshc.Compiler.Cli;

/// <summary>Process exit codes: scripts and CI rely on them.</summary>
public static class ExitCodes
{
    /// <summary>No errors (warnings allowed).</summary>
    public const int Ok = 0;

    /// <summary>The input has errors.</summary>
    public const int InputErrors = 1;

    /// <summary><c>meshc trace</c>: the flow is denied or dropped (unless <c>--exit-zero</c>).</summary>
    public const int Denied = 1;

    /// <summary>The command line was wrong, or a file could not be read or written.</summary>
    public const int UsageOrIo = 2;
}
