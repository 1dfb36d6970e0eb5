using FsCheck;
using FsCheck.Fluent;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.FrontEnds.Dsl.Formatting;
using Meshc.Compiler.FrontEnds.Dsl.Writing;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Tests.FrontEnds.Dsl;

/// <summary>
/// Properties over random input: any IR the DSL spells survives IR → DSL text → parse unchanged (positions aside),
/// and that text is already canonical; random damage to valid programs yields diagnostics, never an exception.
/// </summary>
public sealed class DslPropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(100).WithQuietOnSuccess(true);

    [Fact]
    public void WriteThenRead_RandomModel_GivesTheSameIr()
    {
        Prop.ForAll(Arb.From(IrGenerators.Model), model =>
        {
            var text = DslWriter.Write(model);
            var (read, diagnostics) = DslTesting.Read(text);
            Assert.True(diagnostics.Count == 0, text + "\n" + DslTesting.Printed(diagnostics));
            var (expected, actual) = (DslTesting.Normalize(model), DslTesting.Normalize(read));
            Assert.True(expected == actual, $"{text}\n--- expected\n{expected}\n--- read back\n{actual}");
        }).Check(Runs);
    }

    [Fact]
    public void Format_WrittenModel_ChangesNothing()
    {
        Prop.ForAll(Arb.From(IrGenerators.Model), model =>
        {
            var text = DslWriter.Write(model);
            Assert.Equal(text, DslFormatter.Format(new SourceText("w.dsl", text), new DiagnosticBag()));
        }).Check(Runs);
    }

    [Fact]
    public void Read_RandomlyDamagedPrograms_NeverThrows()
    {
        var programs = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "examples"), "*.dsl")
            .Select(File.ReadAllText).Append(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests/golden/cases/dsl/constructs/everything/input.dsl")))
            .ToArray();
        var damaged = from program in Gen.Elements(programs)
                      from edits in Gen.Choose(1, 6).SelectMany(n => Mutation.ArrayOf(n))
                      select edits.Aggregate(program, (text, edit) => edit(text));
        Prop.ForAll(Arb.From(damaged), text =>
        {
            var diagnostics = new DiagnosticBag();
            DslFormatter.Format(new SourceText("m.dsl", text), diagnostics);
            var result = DslTesting.Check(text, "m.dsl");
            Assert.NotNull(result.Model);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(250).WithQuietOnSuccess(true));
    }

    private static readonly string[] Pieces = ["{", "}", ",", ":", "=", "~", "%", "->", "*", "\"", "#", "\n", "rule", "route", "to", "on", "service",
        "namespace", "import", "80", "5s", "/x", "99999999999", "é", "\0", "listener", "policy", "allow", "http", "retry", "clusters"];

    /// <summary>One edit at a random place: delete a span, insert a token or a random character, or swap two halves.</summary>
    private static readonly Gen<Func<string, string>> Mutation = Gen.OneOf(
        from at in Gen.Choose(0, 10_000) from length in Gen.Choose(1, 12)
        select (Func<string, string>)(t => t.Length == 0 ? t : t.Remove(at % t.Length, Math.Min(length, t.Length - at % t.Length))),
        from at in Gen.Choose(0, 10_000) from piece in Gen.Elements(Pieces)
        select (Func<string, string>)(t => t.Insert(at % (t.Length + 1), piece)),
        from at in Gen.Choose(0, 10_000) from c in Gen.Choose(0, 0x2FF)
        select (Func<string, string>)(t => t.Insert(at % (t.Length + 1), ((char)c).ToString())),
        from at in Gen.Choose(0, 10_000)
        select (Func<string, string>)(t => t.Length == 0 ? t : t[(at % t.Length)..] + t[..(at % t.Length)]));
}
