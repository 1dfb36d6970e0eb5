using System.Text.RegularExpressions;
using Meshc.Compiler.Cli;

namespace Meshc.Compiler.Tests.Graph;

/// <summary>
/// <c>meshc graph</c> as DOT, from the bundled examples and golden inputs: the Gateway → listener → route → Service →
/// endpoint chain, the weights on the edges, refused routes and routes left without a backend in red with the reason,
/// mesh routes under their Service, and the same text for a bundle folder as for the inputs it was compiled from.
/// </summary>
public sealed partial class GraphCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("meshc-graph-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    internal static (int Code, string Out, string Err) Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = MeshcCommand.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    internal static string[] FiftyFifty() => [.. Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "examples", "gateway-echo"), "*.yaml")
        .Where(f => !f.Contains("90-10", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    private static string[] GoldenInputs(string area, string name)
    {
        var folder = Path.Combine(RepositoryPaths.Root, "tests", "golden", "cases", area, name);
        var sources = Path.Combine(folder, "sources.txt");
        var more = File.Exists(sources)
            ? File.ReadAllLines(sources).Select(l => l.Split('#')[0].Trim()).Where(l => l.Length > 0).Select(l => Path.Combine(RepositoryPaths.Root, l))
            : [];
        return [Path.Combine(folder, "input.yaml"), .. more];
    }

    /// <summary>Node statements by id: the attribute text between the brackets.</summary>
    private static Dictionary<string, string> Nodes(string dot) =>
        NodeLine().Matches(dot).ToDictionary(m => m.Groups["id"].Value, m => m.Groups["attrs"].Value, StringComparer.Ordinal);

    /// <summary>Edge statements as "from -> to" with their attribute text ("" when none).</summary>
    private static List<(string From, string To, string Attrs)> Edges(string dot) =>
        [.. EdgeLine().Matches(dot).Select(m => (m.Groups["from"].Value, m.Groups["to"].Value, m.Groups["attrs"].Value))];

    [Fact]
    public void FiftyFifty_DrawsTheChain_WithTheWeights()
    {
        var (code, dot, err) = Run(["graph", .. FiftyFifty()]);
        Assert.True(code == ExitCodes.Ok, err);
        Assert.StartsWith("digraph meshc {\n", dot, StringComparison.Ordinal);
        var nodes = Nodes(dot);
        Assert.Contains("label=\"Gateway\\ndefault/my-example-gateway", nodes["gateway default/my-example-gateway"], StringComparison.Ordinal);
        Assert.Contains("label=\"listener web-gw-echo\"", nodes["listener default/my-example-gateway/web-gw-echo"], StringComparison.Ordinal);
        Assert.Contains("label=\"HTTPRoute\\ndefault/example-route-1\"", nodes["HTTPRoute default/example-route-1"], StringComparison.Ordinal);
        var edges = Edges(dot);
        Assert.Contains(edges, e => e.From == "gateway default/my-example-gateway" && e.To == "listener default/my-example-gateway/web-gw-echo");
        Assert.Contains(edges, e => e.From == "gateway default/my-example-gateway" && e.To == "HTTPRoute default/example-route-1");
        // The programmed route: under the Gateway's route table, matching /echo, half to each Service, each to its endpoints.
        var route = Assert.Single(nodes, n => n.Key.StartsWith("route ", StringComparison.Ordinal));
        Assert.Contains("path_separated_prefix /echo", route.Value, StringComparison.Ordinal);
        Assert.Contains(edges, e => e.From.StartsWith("routes ", StringComparison.Ordinal) && e.To == route.Key);
        Assert.Contains(edges, e => e.From == "gateway default/my-example-gateway" && e.To.StartsWith("routes ", StringComparison.Ordinal));
        foreach (var service in new[] { "echo-1", "echo-2" })
        {
            var weighted = Assert.Single(edges, e => e.From == route.Key && e.To == $"service default/{service}");
            Assert.Equal("label=\"50% (weight 50)\"", weighted.Attrs);
        }
        Assert.DoesNotContain("red", dot, StringComparison.Ordinal);
    }

    [Fact]
    public void NinetyTen_WeightsAreTheShares()
    {
        var (_, dot, err) = Run(["graph", Path.Combine(RepositoryPaths.Root, "examples", "gateway-echo")]);
        Assert.Contains("-> \"service default/echo-1\" [label=\"90% (weight 90)\"]", dot, StringComparison.Ordinal);
        Assert.Contains("-> \"service default/echo-2\" [label=\"10% (weight 10)\"]", dot, StringComparison.Ordinal);
        Assert.Contains("MC0106", err, StringComparison.Ordinal);
    }

    [Fact]
    public void MixedGateway_RefusedRouteAndRuleWithoutBackend_AreRed_WithTheReason()
    {
        var (code, dot, _) = Run(["graph", .. GoldenInputs("degrade", "mixed-gateway")]);
        Assert.Equal(ExitCodes.InputErrors, code); // fallback errors fail the run, as compile does, but the graph is drawn
        var nodes = Nodes(dot);
        var api = nodes["HTTPRoute default/api"];
        Assert.Contains("color=red", api, StringComparison.Ordinal);
        Assert.Contains("\\nAccepted=False NoMatchingListenerHostname\"", api, StringComparison.Ordinal);
        Assert.Contains("tooltip=\"Accepted=False NoMatchingListenerHostname: HTTPRoute 'default/api' shares no hostname", api, StringComparison.Ordinal);
        var refused = Assert.Single(Edges(dot), e => e.To == "HTTPRoute default/api");
        Assert.Contains("color=red", refused.Attrs, StringComparison.Ordinal);
        // The accepted route is not red; its /cart rule answers 500 (the Service is missing) and is.
        Assert.DoesNotContain("color=red", nodes["HTTPRoute default/shop"], StringComparison.Ordinal);
        var cart = Assert.Single(nodes, n => n.Key.StartsWith("route ", StringComparison.Ordinal) && n.Value.Contains("/cart", StringComparison.Ordinal));
        Assert.Contains("color=red", cart.Value, StringComparison.Ordinal);
        Assert.Contains("answers 500", cart.Value, StringComparison.Ordinal);
        var shop = Assert.Single(nodes, n => n.Key.StartsWith("route ", StringComparison.Ordinal) && n.Value.Contains("/shop", StringComparison.Ordinal));
        Assert.DoesNotContain("color=red", shop.Value, StringComparison.Ordinal);
        Assert.Contains(Edges(dot), e => e.From == shop.Key && e.To == "service default/echo-1" && e.Attrs == "label=\"100%\"");
        // The fixture's EndpointSlice gives echo-1 its endpoint.
        Assert.Contains(Edges(dot), e => e.From == "service default/echo-1" && e.To == "endpoint 10.0.1.11:8080");
        Assert.Contains("label=\"10.0.1.11:8080\"", nodes["endpoint 10.0.1.11:8080"], StringComparison.Ordinal);
    }

    [Fact]
    public void MeshRoute_HangsUnderItsService()
    {
        var (code, dot, err) = Run(["graph", .. GoldenInputs("gamma", "gateway-and-service-parent")]);
        Assert.True(code == ExitCodes.Ok, err);
        var edges = Edges(dot);
        // The route names the Gateway and the Service as parents; the Service serves its own route table.
        Assert.Contains(edges, e => e.From == "service default/echo" && e.To == "HTTPRoute default/both" && e.Attrs == "label=\"port 80\"");
        Assert.Contains(edges, e => e.From == "gateway default/gw" && e.To == "HTTPRoute default/both");
        var table = Assert.Single(edges, e => e.From == "service default/echo" && e.To.StartsWith("routes ", StringComparison.Ordinal));
        Assert.Contains(edges, e => e.From == table.To && e.To.StartsWith("route ", StringComparison.Ordinal));
    }

    [Fact]
    public void ListenerSetParents_AcceptedOneIsBlack_RefusedOnesRed()
    {
        var (_, dot, _) = Run(["graph", .. GoldenInputs("references", "listenerset-route-parents")]);
        var nodes = Nodes(dot);
        Assert.Contains("label=\"ListenerSet\\ndefault/apps\"", nodes["listenerset default/apps"], StringComparison.Ordinal);
        Assert.Contains(Edges(dot), e => e.From == "listenerset default/apps" && e.To == "listenerset default/apps/api");
        // Accepted through one parent: the route is not red, the refusing parents' edges are.
        Assert.DoesNotContain("color=red", nodes["HTTPRoute default/api"], StringComparison.Ordinal);
        var refused = Assert.Single(Edges(dot), e => e.From == "listenerset default/nope" && e.To == "HTTPRoute default/api");
        Assert.Contains("color=red", refused.Attrs, StringComparison.Ordinal);
        Assert.Contains(Edges(dot), e => e.From == "listenerset default/apps" && e.To == "HTTPRoute default/api" && e.Attrs == "label=\"port 8080\"");
        Assert.Contains(Edges(dot), e => e.From == "listenerset default/apps" && e.To == "HTTPRoute default/api" && e.Attrs.Contains("port 9090", StringComparison.Ordinal) == false && e.Attrs.Contains("color=red", StringComparison.Ordinal));
    }

    [Fact]
    public void BundleFolder_GivesTheSameGraph_AsItsInputs_EveryTime()
    {
        var bundle = Path.Combine(_dir, "bundle");
        Assert.Equal(ExitCodes.Ok, Run(["compile", .. FiftyFifty(), "-o", bundle]).Code);
        var fromInputs = Run(["graph", .. FiftyFifty()]).Out;
        var (code, fromBundle, err) = Run(["graph", bundle]);
        Assert.True(code == ExitCodes.Ok, err);
        Assert.Equal(fromInputs, fromBundle);
        Assert.Equal(fromBundle, Run(["graph", bundle]).Out);
        var file = Path.Combine(_dir, "g.dot");
        Assert.Equal(ExitCodes.Ok, Run(["graph", bundle, "-o", file]).Code);
        Assert.Equal(fromBundle, File.ReadAllText(file));
    }

    [Fact]
    public void NotABundle_OrBadFormat_IsAUsageError()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "empty"));
        Assert.Equal(ExitCodes.UsageOrIo, Run(["graph", Path.Combine(_dir, "empty")]).Code);
        var (code, _, err) = Run(["graph", .. FiftyFifty(), "--format", "png"]);
        Assert.Equal(ExitCodes.UsageOrIo, code);
        Assert.Contains("png", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_ListsGraph()
    {
        var (_, help, _) = Run(["--help"]);
        Assert.Matches(@"\n\s+graph <inputs>\s+draw a bundle", help);
    }

    [GeneratedRegex(@"^  ""(?<id>(?:[^""\\]|\\.)*)"" \[(?<attrs>label=.*)\];$", RegexOptions.Multiline)]
    private static partial Regex NodeLine();

    [GeneratedRegex(@"^  ""(?<from>(?:[^""\\]|\\.)*)"" -> ""(?<to>(?:[^""\\]|\\.)*)""(?: \[(?<attrs>.*)\])?;$", RegexOptions.Multiline)]
    private static partial Regex EdgeLine();
}
