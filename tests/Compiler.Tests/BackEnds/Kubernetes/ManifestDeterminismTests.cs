namespace Meshc.Compiler.Tests.BackEnds.Kubernetes;

/// <summary>The manifests depend on the inputs' content only: the same sources in any order give the same bytes.</summary>
public sealed class ManifestDeterminismTests
{
    [Fact]
    public void Emit_ShuffledSources_GivesIdenticalManifests()
    {
        // Without the 90/10 file: it redefines a route, and which definition wins depends on the order on purpose.
        var sources = ManifestFixture.Load(ManifestFixture.Example("gateway-echo"), ManifestFixture.Example("gateway-redirects"), ManifestFixture.Example("bookstore-canary"))
            .Where(s => !s.Path.Contains("90-10", StringComparison.Ordinal)).ToList();
        var expected = ManifestFixture.Compile(sources);
        var random = new Random(6);
        for (var round = 0; round < 3; round++)
        {
            var shuffled = sources.OrderBy(_ => random.Next()).ToList();
            var actual = ManifestFixture.Compile(shuffled);
            Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
            foreach (var (path, text) in expected) Assert.Equal(text, actual[path]);
        }
    }
}
