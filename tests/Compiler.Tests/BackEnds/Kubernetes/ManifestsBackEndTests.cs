using Meshc.Compiler.BackEnds.Kubernetes;
using Meshc.Compiler.Text;
using Meshc.Compiler.Tests.FrontEnds.Dsl;

namespace Meshc.Compiler.Tests.BackEnds.Kubernetes;

/// <summary>
/// <c>--emit gateway-api</c> writes YAML that means what the DSL means: compiling the emitted manifests gives the
/// DSL's xDS byte for byte, for every scenario and every construct case without errors.
/// </summary>
public sealed class ManifestsBackEndTests
{
    public static TheoryData<string> DslPrograms()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "examples"), "*.dsl").Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(RepositoryPaths.Root, file));
        foreach (var folder in Directory.EnumerateDirectories(Path.Combine(RepositoryPaths.Root, "tests/golden/cases/dsl/constructs")).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(RepositoryPaths.Root, folder));
        return data;
    }

    [Theory]
    [MemberData(nameof(DslPrograms))]
    public void EmittedManifests_CompileToTheSameXds(string program)
    {
        var full = Path.Combine(RepositoryPaths.Root, program);
        var sources = Directory.Exists(full)
            ? Directory.EnumerateFiles(full, "*.dsl").Order(StringComparer.Ordinal).Select(f => new SourceText(f, File.ReadAllText(f))).ToList()
            : [new SourceText(full, File.ReadAllText(full))];
        var fromDsl = Compilation.Create(sources).Emit(EmitTargets.Xds | EmitTargets.GatewayApi);
        Assert.True(fromDsl.Bundle is not null, DslTesting.Printed(fromDsl));

        var manifests = fromDsl.Bundle.ReadText(ManifestsBackEnd.Path);
        var fromYaml = Compilation.Create([new SourceText("manifests.yaml", manifests)]).Emit(EmitTargets.Xds);

        Assert.True(fromYaml.Bundle is not null, manifests + "\n" + DslTesting.Printed(fromYaml));
        var xds = fromDsl.Bundle.Files.Where(f => f.Path.StartsWith("xds/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(xds);
        Assert.Equal(xds.Select(f => f.Path), fromYaml.Bundle.Files.Where(f => f.Path.StartsWith("xds/", StringComparison.Ordinal)).Select(f => f.Path));
        foreach (var file in xds)
            Assert.Equal(System.Text.Encoding.UTF8.GetString(file.Content), fromYaml.Bundle.ReadText(file.Path));
    }

    [Fact]
    public void Write_Service_IsTheManifestAUserWouldWrite()
    {
        var model = DslTesting.Read("service web port http 80 -> 8080 select app=web labels team=shop").Model;

        Assert.Equal("""
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: web
              namespace: default
              labels:
                team: shop
            spec:
              type: ClusterIP
              ports:
              - name: http
                port: 80
                targetPort: 8080
                protocol: TCP
              selector:
                app: web

            """, ManifestsBackEnd.Write(model));
    }
}
