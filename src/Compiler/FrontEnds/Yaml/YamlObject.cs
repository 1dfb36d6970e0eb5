using Meshc.Compiler.Text;
using YamlDotNet.RepresentationModel;

namespace Meshc.Compiler.FrontEnds.Yaml;

/// <summary>One Kubernetes object as read from YAML: its apiVersion, kind and root mapping, in the file it came from.</summary>
internal sealed record YamlObject(string ApiVersion, string Kind, YamlMappingNode Root, string Path)
{
    public SourceLocation Location => Root.LocationIn(Path);

    /// <summary>The API group (the part of apiVersion before '/', or "" for the core group).</summary>
    public string Group => ApiVersion.Contains('/') ? ApiVersion[..ApiVersion.IndexOf('/')] : "";
}
