using Meshc.Compiler.Diagnostics;
using Xunit.Abstractions;

namespace Meshc.Compiler.Tests.Passes;

/// <summary>Every upstream case compiles without an exception or an internal error.</summary>
public class UpstreamCorpusTests(ITestOutputHelper output)
{
    public static TheoryData<string> ConformanceCases => new(UpstreamCorpus.ConformanceCases());

    public static TheoryData<string> CiliumCases => new(UpstreamCorpus.CiliumCases());

    [SharedTheory(UpstreamCorpus.SharedFolder)]
    [MemberData(nameof(ConformanceCases))]
    public void Passes_ConformanceCaseWithBase_NoInternalError(string name) => AssertSound(UpstreamCorpus.Conformance, name);

    [SharedTheory(UpstreamCorpus.SharedFolder)]
    [MemberData(nameof(CiliumCases))]
    public void Passes_CiliumCaseWithBase_NoInternalError(string name) => AssertSound(UpstreamCorpus.Cilium, name);

    private void AssertSound(string corpus, string name)
    {
        var result = UpstreamCorpus.Compile(corpus, name).Check();
        foreach (var d in result.Diagnostics.Where(d => d.Severity != Severity.Info)) output.WriteLine(d.ToString());
        Assert.DoesNotContain(result.Diagnostics, d => d.Code.Value.StartsWith("MC09", StringComparison.Ordinal));
    }
}
