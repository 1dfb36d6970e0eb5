using Meshc.Compiler.Benchmarks.Inputs;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Tests;

/// <summary>
/// Files are read, and xDS resources validated and formatted, on several cores; the result must not depend on it.
/// Each input is compiled one piece at a time (MaxParallelism = 1) and with every core, and everything that comes out
/// — diagnostics in order, every bundle file byte for byte, the bundle id — must be the same.
/// </summary>
public sealed class ParallelCompilationTests
{
    private const EmitTargets Everything = EmitTargets.Xds | EmitTargets.Status | EmitTargets.Ir | EmitTargets.K8s | EmitTargets.GatewayApi;

    [Fact]
    public void Emit_SyntheticMesh_ParallelEqualsSequential()
    {
        var sources = SyntheticMesh.Generate(new MeshShape(300, 30, 30));

        var (sequential, parallel) = CompileBothWays(sources, Everything);

        Assert.NotNull(sequential.Bundle);
        AssertSame(sequential, parallel);
    }

    [Fact]
    public void Emit_FindingsInSeveralFiles_ParallelEqualsSequential()
    {
        // Findings from the readers of different files, from the model (an object defined in two files) and from the
        // passes, so the merge of per-file results is exercised, including the order of same-place diagnostics.
        var sources = SyntheticMesh.Generate(new MeshShape(120, 12, 12)).ToList();
        var routes = sources.FindIndex(s => s.Path.EndsWith("routes.yaml", StringComparison.Ordinal));
        var services = sources.FindIndex(s => s.Path.EndsWith("services.yaml", StringComparison.Ordinal));
        sources[routes] = sources[routes] with { Text = sources[routes].Text + Broken };
        sources[services] = sources[services] with { Text = sources[services].Text + Broken };
        sources.Add(new SourceText("zz-late.yaml", Broken + "---\napiVersion: v1\nkind: Whatever\nmetadata:\n  name: w\n"));

        var (sequential, parallel) = CompileBothWays(sources, EmitTargets.Default);

        Assert.Contains(sequential.Diagnostics, d => d.Severity == Meshc.Compiler.Diagnostics.Severity.Error);
        Assert.True(sequential.Diagnostics.Length >= 5, string.Join("\n", sequential.Diagnostics));
        AssertSame(sequential, parallel);
    }

    private const string Broken = """
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: broken
          namespace: default
        spec:
          parentRefs:
          - name: no-such-gateway
          rules:
          - backendRefs:
            - name: no-such-service
              port: 80
              weight: -1

        """;

    private static (EmitResult Sequential, EmitResult Parallel) CompileBothWays(IReadOnlyList<SourceText> sources, EmitTargets targets) => (
        Compilation.Create(sources, CompilationOptions.Default with { MaxParallelism = 1 }).Emit(targets),
        Compilation.Create(sources, CompilationOptions.Default with { MaxParallelism = 0 }).Emit(targets));

    private static void AssertSame(EmitResult sequential, EmitResult parallel)
    {
        Assert.Equal(sequential.Diagnostics.Select(d => d.ToString()), parallel.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(sequential.Bundle?.Id, parallel.Bundle?.Id);
        Assert.Equal(sequential.Bundle?.Files.Select(f => f.Path), parallel.Bundle?.Files.Select(f => f.Path));
        foreach (var (one, other) in (sequential.Bundle?.Files ?? []).Zip(parallel.Bundle?.Files ?? []))
            Assert.True(one.Content.AsSpan().SequenceEqual(other.Content), $"{one.Path} differs");
    }
}
