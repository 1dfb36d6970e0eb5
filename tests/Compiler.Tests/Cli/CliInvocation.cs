using Meshc.Compiler.Cli;

namespace Meshc.Compiler.Tests.Cli;

/// <summary>Runs the command line in-process and returns what a shell would see: exit code, stdout and stderr.</summary>
internal static class CliInvocation
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = MeshcCommand.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
