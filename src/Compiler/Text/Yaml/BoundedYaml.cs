using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Meshc.Compiler.Text.Yaml;

/// <summary>The one way meshc turns YAML text into node trees: YamlDotNet's, held to <see cref="YamlLimits"/>.</summary>
public static class BoundedYaml
{
    /// <summary>Loads every document of <paramref name="text"/>.</summary>
    /// <exception cref="YamlException">Bad syntax, or a <see cref="YamlLimitException"/> for a broken bound.</exception>
    public static YamlStream Load(string text)
    {
        var stream = new YamlStream();
        Load(stream, new BoundedYamlParser(new Parser(new StringReader(text))));
        return stream;
    }

    /// <summary>
    /// Loads through <paramref name="parser"/> into <paramref name="stream"/>; on failure the documents completed before
    /// it stay in the stream.
    /// </summary>
    /// <exception cref="YamlException">As <see cref="Load(string)"/>.</exception>
    public static void Load(YamlStream stream, BoundedYamlParser parser)
    {
        try
        {
            stream.Load(parser);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's tree builder throws this, not a YamlException, for some unterminated flow collections.
            var at = parser.OpenFlowStart ?? parser.Current?.Start ?? parser.DocumentStart;
            throw new YamlException(at, at, "the document ends inside a flow collection: a '{' or '[' is not closed", e);
        }
        catch (ArgumentException e)
        {
            // YamlDotNet's parser hands its tree builder an event it cannot place for a key-less entry of a nested
            // block mapping ("a:\n  : b"); the tree builder then throws this.
            var at = parser.Current?.Start ?? parser.DocumentStart;
            throw new YamlException(at, at, "a mapping entry without a key is not supported; write the key", e);
        }
    }
}
