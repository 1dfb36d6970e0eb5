using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Meshc.Compiler.Text.Yaml;

/// <summary>
/// Passes YamlDotNet's parser events through while holding each document to <see cref="YamlLimits"/>. YamlDotNet's
/// parser is iterative, but its node tree is built recursively and shares aliased nodes, so every reader that walks
/// the tree would recurse as deep as the text nests and expand every alias: the checks stop a document at the event
/// that breaks a bound, before the tree is built that far.
/// </summary>
/// <remarks>
/// Alias expansion is measured as go-yaml counts it when it decodes: every node once, plus, for each alias, every node
/// (and scalar character) of its anchor's subtree, counting the aliases inside that subtree expanded too.
/// </remarks>
public sealed class BoundedYamlParser(IParser inner) : IParser
{
    private readonly Stack<Frame> _open = new();
    private readonly Dictionary<string, Anchored> _anchors = new(StringComparer.Ordinal);
    private long _nodes;
    private long _aliased;
    private long _chars;

    public ParsingEvent? Current => inner.Current;

    /// <summary>Where the innermost flow collection still open began: the '{' or '[' an unterminated document left open.</summary>
    public Mark? OpenFlowStart => _open.FirstOrDefault(f => f.Flow)?.Start;

    /// <summary>Where the document being read began (line 1 before the first).</summary>
    public Mark DocumentStart { get; private set; } = Mark.Empty;

    public bool MoveNext()
    {
        if (!inner.MoveNext()) return false;
        switch (inner.Current)
        {
            case YamlDotNet.Core.Events.DocumentStart start:
                _open.Clear();
                _anchors.Clear();
                _nodes = _aliased = _chars = 0;
                DocumentStart = start.Start;
                break;
            case Scalar scalar:
                _nodes++;
                _chars += scalar.Value.Length;
                if (!scalar.Anchor.IsEmpty) _anchors[scalar.Anchor.Value] = new Anchored(1, 0, scalar.Value.Length, Open: false);
                CheckExpansion(scalar);
                break;
            case NodeEvent { } collection and (MappingStart or SequenceStart):
                if (_open.Count >= YamlLimits.MaxDepth)
                    throw new YamlLimitException(YamlLimit.Depth, collection.Start, collection.End,
                        $"this document nests deeper than {YamlLimits.MaxDepth} levels");
                _nodes++;
                var flow = collection is MappingStart { Style: MappingStyle.Flow } or SequenceStart { Style: SequenceStyle.Flow };
                var frame = new Frame(collection.Anchor.IsEmpty ? null : collection.Anchor.Value, _nodes - 1, _aliased, _chars, collection.Start, flow);
                // YamlDotNet registers an anchor when its node starts, so an alias inside the node already names it.
                if (frame.Anchor is { } name) _anchors[name] = frame.Placeholder = new Anchored(0, 0, 0, Open: true);
                _open.Push(frame);
                break;
            case MappingEnd or SequenceEnd when _open.Count > 0:
                var done = _open.Pop();
                if (done.Anchor is { } anchor && _anchors.TryGetValue(anchor, out var current) && ReferenceEquals(current, done.Placeholder))
                    _anchors[anchor] = new Anchored(_nodes - done.Nodes, _aliased - done.Aliased, _chars - done.Chars, Open: false);
                break;
            case AnchorAlias alias:
                Expand(alias);
                break;
        }
        return true;
    }

    private void Expand(AnchorAlias alias)
    {
        var name = alias.Value.Value;
        if (!_anchors.TryGetValue(name, out var anchored))
            throw new YamlException(alias.Start, alias.End, $"alias '*{name}' names no anchor defined before it");
        if (anchored.Open)
            throw new YamlLimitException(YamlLimit.RecursiveAlias, alias.Start, alias.End,
                $"alias '*{name}' refers to a node that contains it");
        _nodes += 1 + anchored.Nodes;
        _aliased += anchored.Nodes;
        _chars += anchored.Chars;
        CheckExpansion(alias);
    }

    private void CheckExpansion(ParsingEvent at)
    {
        if (YamlLimits.ExcessiveAliasing(_aliased, _nodes))
            throw new YamlLimitException(YamlLimit.AliasExpansion, at.Start, at.End,
                $"aliases expand this document to {_nodes} nodes, {_aliased} of them copies (the Kubernetes API server's rule allows at most {Ratio()})");
        if (_chars > YamlLimits.MaxExpandedChars)
            throw new YamlLimitException(YamlLimit.AliasExpansion, at.Start, at.End,
                $"aliases expand this document past {YamlLimits.MaxExpandedChars / (1024 * 1024)} MiB of text");
    }

    private string Ratio() => _nodes <= 400_000 ? "99% copies" : "a share of copies that falls from 99% at 400,000 nodes to 10% at 4,000,000";

    private sealed record Frame(string? Anchor, long Nodes, long Aliased, long Chars, Mark Start, bool Flow)
    {
        public Anchored? Placeholder { get; set; }
    }

    /// <summary>An anchored node's expanded size; <c>Open</c> while the node is still being read.</summary>
    private sealed record Anchored(long Nodes, long Aliased, long Chars, bool Open);
}
