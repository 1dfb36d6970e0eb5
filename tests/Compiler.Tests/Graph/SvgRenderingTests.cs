using System.Diagnostics;
using System.Net;
using System.Xml.Linq;
using System.Text.RegularExpressions;
using Meshc.Compiler.Cli;
using Meshc.Compiler.Graph;

namespace Meshc.Compiler.Tests.Graph;

/// <summary>
/// <c>meshc graph</c> as SVG through Graphviz, then shown in headless Chromium (both from Debian): the browser must
/// draw it (the screenshot has pixels other than the page's white) and read it (its DOM holds the graph's nodes).
/// </summary>
public sealed class SvgRenderingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("meshc-svg-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [ToolFact("dot")]
    public void SvgOutput_IsGraphvizSvg_WithANodePerGraphNode()
    {
        var file = Path.Combine(_dir, "echo.svg");
        var (code, _, err) = GraphCommandTests.Run(["graph", .. GraphCommandTests.FiftyFifty(), "-o", file]);
        Assert.True(code == ExitCodes.Ok, err);
        var svg = File.ReadAllText(file);
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        var titles = Regex.Matches(svg, "<g id=\"node\\d+\" class=\"node\">\\s*<title>([^<]*)</title>").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Contains("gateway default/my-example-gateway", titles);
        Assert.Contains("service default/echo-1", titles);
        // --format wins over the extension; the DOT written to stdout is what dot was given.
        var (_, dot, _) = GraphCommandTests.Run(["graph", .. GraphCommandTests.FiftyFifty(), "--format", "dot"]);
        Assert.Equal(Regex.Count(dot, "^  \"(?:[^\"\\\\]|\\\\.)*\" \\[label=", RegexOptions.Multiline), titles.Count);
    }

    [ToolFact("dot")]
    public void HostileNames_LayOutAsOneNodeEach()
    {
        var hostile = "evil\"] ; x -> y [label=\"\\";
        var graph = new BundleGraph([new GraphNode(hostile, GraphNodeKind.Route, hostile + "\n<b>&amp;</b>")], []);
        var (svg, error) = SvgRenderer.Render(SvgRenderer.FindDot()!, DotWriter.Write(graph));
        Assert.True(svg is not null, error);
        Assert.Single(Regex.Matches(svg!, "class=\"node\""));
        // Well-formed XML whose node title is the hostile id, the markup in the label shown as text.
        var title = XDocument.Parse(svg!).Descendants().Single(e => e.Name.LocalName == "g" && (string?)e.Attribute("class") == "node")
            .Elements().Single(e => e.Name.LocalName == "title").Value;
        Assert.Equal(hostile.Replace("\\", "\\\\", StringComparison.Ordinal), title);
        Assert.Contains("&lt;b&gt;", svg, StringComparison.Ordinal);
    }

    [ToolFact("dot", "chromium")]
    public void Chromium_RendersTheSvg()
    {
        var file = Path.Combine(_dir, "mixed.svg");
        var (_, _, err) = GraphCommandTests.Run(["graph", .. GraphCommandTests.FiftyFifty(), "-o", file]);
        Assert.True(File.Exists(file), err);
        var dom = Chromium("--dump-dom", file);
        Assert.Contains("<svg", dom, StringComparison.Ordinal);
        Assert.Contains("<title>gateway default/my-example-gateway</title>", dom, StringComparison.Ordinal);

        var png = Path.Combine(_dir, "shot.png");
        Chromium($"--screenshot={png}", file);
        var pixels = PngPixels.Read(File.ReadAllBytes(png));
        var drawn = pixels.Count(p => p != 0xFFFFFF);
        Assert.True(drawn > 1000, $"the screenshot has {drawn} non-white pixels of {pixels.Length}");
    }

    private string Chromium(string mode, string file)
    {
        var start = new ProcessStartInfo(Tools.Find("chromium")!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _dir,
        };
        foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                     $"--user-data-dir={Path.Combine(_dir, "profile")}", "--window-size=1600,1000", mode, new Uri(file).AbsoluteUri })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("chromium did not finish in 90 seconds");
        }
        Assert.True(process.ExitCode == 0, $"chromium exited {process.ExitCode}: {errors.Result}");
        return output.Result;
    }
}
