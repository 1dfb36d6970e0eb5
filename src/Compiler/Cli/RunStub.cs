using System.CommandLine;

namespace Meshc.Compiler.Cli;

/// <summary>
/// <c>meshc run</c> as the compiler's help lists it. The runtime (src/Runtime) serves it, and the <c>meshc</c> launcher
/// starts the runtime for <c>run</c> (the compiler never references the runtime); reaching this action means the
/// compiler was started directly.
/// </summary>
internal static class RunStub
{
    public static Command Create(TextWriter stderr)
    {
        var inputs = new Argument<string[]>("inputs") { Arity = ArgumentArity.ZeroOrMore, Description = "a bundle folder, or YAML/DSL files or folders" };
        var run = new Command("run", "serve a bundle (or inputs, compiled first) on loopback with Envoy's routing; meshc run --help for its options") { inputs };
        run.TreatUnmatchedTokensAsErrors = false;
        run.SetAction(_ =>
        {
            stderr.WriteLine("meshc: 'run' is served by the runtime; start it through the meshc launcher (./meshc run …)");
            return ExitCodes.UsageOrIo;
        });
        return run;
    }
}
