using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Tests.FrontEnds.Cilium;

/// <summary>Inputs for the CiliumEnvoyConfig tests: the bookstore canary scenario and small CECs built around one resource.</summary>
internal static class CecInputs
{
    public static string BookstoreFolder => Path.Combine(AppContext.BaseDirectory, "TestData", "bookstore-canary");

    /// <summary>The scenario's three files, read as the CLI would.</summary>
    public static IReadOnlyList<SourceText> Bookstore() =>
        Directory.GetFiles(BookstoreFolder, "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => new SourceText($"bookstore-canary/{Path.GetFileName(f)}", File.ReadAllText(f)))
            .ToList();

    /// <summary>A CEC named <c>test</c> in namespace <c>default</c> whose only resource is <paramref name="resource"/> (YAML indented by 4).</summary>
    public static SourceText OneResource(string resource) => new("cec.yaml", $"""
        apiVersion: cilium.io/v2
        kind: CiliumEnvoyConfig
        metadata:
          name: test
          namespace: default
        spec:
          resources:
        {resource}
        """);

    public static EmitResult Check(params SourceText[] sources) => Compilation.Create(sources).Check();

    public static Diagnostic Single(EmitResult result, DiagnosticDescriptor code) =>
        Assert.Single(result.Diagnostics, d => d.Code == code.Code);
}
