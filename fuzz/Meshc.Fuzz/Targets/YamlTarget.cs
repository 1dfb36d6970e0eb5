using Meshc.Compiler;
using Meshc.Compiler.Text;

namespace Meshc.Fuzz.Targets;

/// <summary>A YAML file through the whole compiler: front end, passes and back ends, as <c>meshc check</c> runs it.</summary>
public static class YamlTarget
{
    public static void Run(byte[] input) =>
        Compilation.Create([new SourceText("fuzz.yaml", FuzzTargets.Text(input))]).Check();
}
