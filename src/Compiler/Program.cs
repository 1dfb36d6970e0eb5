using Meshc.Compiler.Cli;

namespace Meshc.Compiler;

/// <summary>Entry point of the <c>meshc</c> command line; all the work is in <see cref="Cli.MeshcCommand"/>.</summary>
public static class Program
{
    public static int Main(string[] args) => LastResort.Run(() => MeshcCommand.Run(args, Console.Out, Console.Error), args, Console.Error);
}
