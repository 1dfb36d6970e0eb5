using YamlDotNet.Core;

namespace Meshc.Compiler.Text.Yaml;

/// <summary>Which bound of <see cref="YamlLimits"/> a document broke.</summary>
public enum YamlLimit
{
    /// <summary>Nested deeper than <see cref="YamlLimits.MaxDepth"/>.</summary>
    Depth,

    /// <summary>Aliases expand past the Kubernetes API server's rule or <see cref="YamlLimits.MaxExpandedChars"/>.</summary>
    AliasExpansion,

    /// <summary>An alias names a node that contains it: expanding it would never end.</summary>
    RecursiveAlias,
}

/// <summary>
/// A document broke a bound of <see cref="YamlLimits"/>, at <see cref="YamlException.Start"/>. It is a
/// <see cref="YamlException"/>, so a reader that treats any YAML problem as "not YAML" stays safe without knowing it.
/// </summary>
public sealed class YamlLimitException(YamlLimit limit, Mark start, Mark end, string message) : YamlException(start, end, message)
{
    public YamlLimit Limit { get; } = limit;
}
