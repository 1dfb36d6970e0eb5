using Meshc.Compiler.Ir;
using YamlDotNet.RepresentationModel;

namespace Meshc.Compiler.FrontEnds.Yaml;

/// <summary>Reads a Kubernetes LabelSelector (matchLabels, matchExpressions).</summary>
internal static class LabelSelectorReader
{
    public static LabelSelector Read(YamlMappingNode selector) => new(
        selector.Labels("matchLabels"),
        selector.Maps("matchExpressions")
            .Select(e => new SelectorRequirement(e.Str("key") ?? "", e.Str("operator") ?? "", e.Strings("values").ToValueList()))
            .ToValueList());
}
