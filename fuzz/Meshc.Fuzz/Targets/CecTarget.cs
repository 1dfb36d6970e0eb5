using Meshc.Compiler;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.FrontEnds.Cilium;
using Meshc.Compiler.FrontEnds.Yaml;
using Meshc.Compiler.Text;
using Meshc.Compiler.Text.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Meshc.Fuzz.Targets;

/// <summary>
/// CiliumEnvoyConfig input: every Envoy resource of every document (an entry of <c>spec.resources</c>, or a document
/// that is itself a resource with an <c>@type</c>) straight through the CiliumEnvoyConfig reader, then the whole file
/// through the compiler, which completes the resources as Cilium's agent does and builds the xDS.
/// </summary>
public static class CecTarget
{
    public static void Run(byte[] input)
    {
        var text = FuzzTargets.Text(input);
        YamlStream stream;
        try
        {
            stream = BoundedYaml.Load(text);
        }
        catch (YamlException)
        {
            stream = new YamlStream();
        }
        var diagnostics = new DiagnosticBag();
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is not YamlMappingNode root) continue;
            IEnumerable<YamlNode> resources = root.Get("@type") is not null ? [root] : root.Map("spec").Seq("resources");
            foreach (var resource in resources) EnvoyResourceReader.Read(resource, "fuzz.yaml", diagnostics);
        }
        Compilation.Create([new SourceText("fuzz.yaml", text)]).Check();
    }
}
