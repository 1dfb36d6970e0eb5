using System.CommandLine;

namespace Meshc.Compiler.Cli;

/// <summary>
/// The runtime's commands (<c>meshc run</c>, <c>meshc test</c>) and the xDS server's (<c>meshc serve</c>) as the
/// compiler's help lists them. The runtime (src/Runtime) and the server (src/Server) serve them, and the <c>meshc</c>
/// launcher starts the right one (the compiler never references either); reaching this action means the compiler was
/// started directly.
/// </summary>
internal static class RuntimeCommandStub
{
    public static Command Create(string name, string description, TextWriter stderr, string servedBy = "the runtime")
    {
        var inputs = new Argument<string[]>("inputs") { Arity = ArgumentArity.ZeroOrMore, Description = "a bundle folder, or YAML/DSL files or folders" };
        var command = new Command(name, $"{description}; meshc {name} --help for its options") { inputs };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(_ =>
        {
            stderr.WriteLine($"meshc: '{name}' is served by {servedBy}; start it through the meshc launcher (./meshc {name} …)");
            return ExitCodes.UsageOrIo;
        });
        return command;
    }
}
