using System.Text.Json.Nodes;
using Meshc.Compiler.Cli;

namespace Meshc.Compiler.Tests.Cli;

/// <summary>Field-level diff lines: one per differing leaf, JSON paths, (none) for a missing side.</summary>
public sealed class JsonDiffTests
{
    [Fact]
    public void Compare_ChangedAddedRemovedFields_OneLineEach()
    {
        var before = JsonNode.Parse("""{"a": {"b": 1, "gone": true}, "list": [1, 2], "io.cilium/x": "v"}""");
        var after = JsonNode.Parse("""{"a": {"b": 2, "new": "x"}, "list": [1], "io.cilium/x": "v"}""");
        Assert.Equal(
            ["a.b: 1 → 2", "a.gone: true → (none)", "a.new: (none) → \"x\"", "list[1]: 2 → (none)"],
            JsonDiff.Compare(before, after));
    }

    [Fact]
    public void Compare_EqualTrees_NoLines() =>
        Assert.Empty(JsonDiff.Compare(JsonNode.Parse("""{"a": [1, {"b": null}]}"""), JsonNode.Parse("""{"a": [1, {"b": null}]}""")));

    [Fact]
    public void Compare_OddKey_Bracketed() =>
        Assert.Equal(["[\"io.cilium/x\"]: 1 → 2"], JsonDiff.Compare(JsonNode.Parse("""{"io.cilium/x": 1}"""), JsonNode.Parse("""{"io.cilium/x": 2}""")));
}
