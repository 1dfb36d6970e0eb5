using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.FrontEnds;

namespace Meshc.Compiler.Tests.FrontEnds.Folders;

/// <summary>
/// A folder input laid out as the kubelet mounts a ConfigMap (what <c>meshc serve</c> reads in a cluster): each key is a
/// link <c>KEY -&gt; ..data/KEY</c>, <c>..data</c> links to a hidden <c>..&lt;timestamp&gt;</c> folder holding the files.
/// Every file is read once, through its visible name; hidden folders (and .git) are not walked.
/// </summary>
public sealed class MountedConfigMapTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("meshc-configmap-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void EachKey_IsReadOnce_ThroughItsVisibleName()
    {
        var data = Directory.CreateDirectory(Path.Combine(_dir, "..2026_12_07_14_00_00.000000001")).FullName;
        File.WriteAllText(Path.Combine(data, "gateway.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n");
        File.WriteAllText(Path.Combine(data, "routes.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: b\n");
        File.CreateSymbolicLink(Path.Combine(_dir, "..data"), Path.GetFileName(data));
        File.CreateSymbolicLink(Path.Combine(_dir, "gateway.yaml"), "..data/gateway.yaml");
        File.CreateSymbolicLink(Path.Combine(_dir, "routes.yaml"), "..data/routes.yaml");
        Directory.CreateDirectory(Path.Combine(_dir, ".git"));
        File.WriteAllText(Path.Combine(_dir, ".git", "ci.yaml"), "not: an input\n");

        var diagnostics = new DiagnosticBag();
        var sources = SourceLoader.Load([_dir], diagnostics);

        Assert.Empty(diagnostics.ToImmutableSorted());
        Assert.Equal(["gateway.yaml", "routes.yaml"], sources.Select(s => Path.GetFileName(s.Path)).Order(StringComparer.Ordinal));
        Assert.All(sources, s => Assert.DoesNotContain("/..", s.Path, StringComparison.Ordinal));
    }
}
