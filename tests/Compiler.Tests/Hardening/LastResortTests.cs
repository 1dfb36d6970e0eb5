using Meshc.Compiler.Cli;
using Meshc.Compiler.Diagnostics;

namespace Meshc.Compiler.Tests.Hardening;

/// <summary>A fault inside meshc reaches the user as one MC0902 line naming the file, with exit code 2, never as a stack trace.</summary>
public sealed class LastResortTests
{
    [Fact]
    public void FaultWhileReadingAFile_IsOneLineNamingIt_ExitTwo()
    {
        var stderr = new StringWriter();
        var code = LastResort.Run(() => throw new InternalFailureException("routes.yaml", "reading", new InvalidCastException("bad\ncast")),
            ["check", "routes.yaml"], stderr);

        Assert.Equal(ExitCodes.UsageOrIo, code);
        var line = Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("routes.yaml: error MC0902: internal error while reading: InvalidCastException: bad cast (a meshc bug; please report it with this input)", line);
    }

    [Fact]
    public void FaultOutsideAnyFile_NamesTheInputsGiven()
    {
        var stderr = new StringWriter();
        var code = LastResort.Run(() => throw new InvalidOperationException("boom"), ["compile", "a.yaml", "-o", "out"], stderr);
        Assert.Equal(ExitCodes.UsageOrIo, code);
        Assert.StartsWith("a.yaml, out: error MC0902: internal error while running the command: InvalidOperationException: boom", stderr.ToString());
        Assert.DoesNotContain("   at ", stderr.ToString());
    }
}
