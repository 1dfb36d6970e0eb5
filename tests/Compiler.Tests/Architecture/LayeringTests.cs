using System.Reflection;

namespace Meshc.Compiler.Tests.Architecture;

/// <summary>
/// The pipeline's dependencies run one way: front ends → IR → passes → back ends. These tests read the compiled
/// assembly (signatures and method bodies), so a forbidden reference fails here even when it hides in a lambda.
/// </summary>
public sealed class LayeringTests
{
    private static readonly Assembly Compiler = typeof(Compilation).Assembly;

    public static TheoryData<string, string> Forbidden() => new()
    {
        // The IR is the contract between halves: it knows no reader, no pass, no back end and no foreign format.
        { "Meshc.Compiler.Ir", "Meshc.Compiler.FrontEnds" },
        { "Meshc.Compiler.Ir", "Meshc.Compiler.Passes" },
        { "Meshc.Compiler.Ir", "Meshc.Compiler.BackEnds" },
        { "Meshc.Compiler.Ir", "YamlDotNet" },
        { "Meshc.Compiler.Ir", "Antlr4" },
        { "Meshc.Compiler.Ir", "Envoy" },
        { "Meshc.Compiler.Ir", "Google.Protobuf" },
        // Semantics (the bound model and status) sits between passes and back ends.
        { "Meshc.Compiler.Semantics", "Meshc.Compiler.FrontEnds" },
        { "Meshc.Compiler.Semantics", "Meshc.Compiler.Passes" },
        { "Meshc.Compiler.Semantics", "Meshc.Compiler.BackEnds" },
        { "Meshc.Compiler.Semantics", "YamlDotNet" },
        // Passes check the IR; they neither read input nor build output.
        { "Meshc.Compiler.Passes", "Meshc.Compiler.FrontEnds" },
        { "Meshc.Compiler.Passes", "Meshc.Compiler.BackEnds" },
        { "Meshc.Compiler.Passes", "YamlDotNet" },
        { "Meshc.Compiler.Passes", "Envoy" },
        // Back ends start from the bound model; input syntax is none of their business.
        { "Meshc.Compiler.BackEnds", "Meshc.Compiler.FrontEnds" },
        { "Meshc.Compiler.BackEnds", "Antlr4" },
        // The schema check is shared by readers and back ends, so it depends on neither; it is the only door to the
        // JSON Schema library.
        { "Meshc.Compiler.Schemas", "Meshc.Compiler.FrontEnds" },
        { "Meshc.Compiler.Schemas", "Meshc.Compiler.BackEnds" },
        { "Meshc.Compiler.Schemas", "YamlDotNet" },
        { "Meshc.Compiler.FrontEnds", "Json.Schema" },
        { "Meshc.Compiler.Passes", "Json.Schema" },
        { "Meshc.Compiler.BackEnds", "Json.Schema" },
        { "Meshc.Compiler.Cli", "Json.Schema" },
        { "Meshc.Compiler.Ir", "Json.Schema" },
        // Front ends produce IR; they never reach forward into analysis or output.
        { "Meshc.Compiler.FrontEnds", "Meshc.Compiler.Passes" },
        { "Meshc.Compiler.FrontEnds", "Meshc.Compiler.BackEnds" },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void Layer_DoesNotReference_ForbiddenNamespace(string layer, string forbidden)
    {
        var offenders = TypeReferences.Offenders(Compiler, layer, forbidden);
        Assert.True(offenders.Count == 0, $"{layer} must not use {forbidden}:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void LayeringCheck_SeesReferences_InMethodBodies()
    {
        // Guards the guard: Compilation's body uses the YAML front end, which the scan must find.
        var references = TypeReferences.Of(typeof(Compilation)).Select(t => t.Namespace).ToHashSet();
        Assert.Contains("Meshc.Compiler.FrontEnds.Yaml", references);
    }
}
