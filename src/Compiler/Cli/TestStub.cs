using System.CommandLine;

namespace Meshc.Compiler.Cli;

/// <summary>
/// <c>meshc test</c> as the compiler's help lists it. The runtime (src/Runtime) runs route tests with its own router,
/// and the <c>meshc</c> launcher starts the runtime for <c>test</c> (the compiler never references the runtime);
/// reaching this action means the compiler was started directly.
/// </summary>
internal static class TestStub
{
    public static Command Create(TextWriter stderr)
    {
        var inputs = new Argument<string[]>("inputs") { Arity = ArgumentArity.ZeroOrMore, Description = "a bundle folder, or YAML/DSL files or folders" };
        var test = new Command("test", "run route tests (Envoy router_check_tool's schema) against a bundle with the runtime's router; meshc test --help for its options") { inputs };
        test.TreatUnmatchedTokensAsErrors = false;
        test.SetAction(_ =>
        {
            stderr.WriteLine("meshc: 'test' is run by the runtime; start it through the meshc launcher (./meshc test …)");
            return ExitCodes.UsageOrIo;
        });
        return test;
    }
}
