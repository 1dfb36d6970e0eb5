using System.Collections.Immutable;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Passes;
using Meshc.Compiler.Semantics;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Tests.Passes;

/// <summary>What one compilation of a YAML snippet produced: diagnostics, status and the bound mesh.</summary>
internal sealed record Checked(string Yaml, ImmutableArray<Diagnostic> Diagnostics, StatusReport Status, BoundMesh Bound)
{
    public const string Path = "test.yaml";

    /// <summary>Compiles <paramref name="yaml"/> (one file) through the front end and the pass pipeline.</summary>
    public static Checked Run(string yaml, CompilationOptions? options = null)
    {
        var compilation = Compilation.Create([new SourceText(Path, yaml)], options);
        var result = compilation.Check();
        var analysis = PassPipeline.Run(compilation.Model, compilation.Options, new DiagnosticBag());
        return new Checked(yaml, result.Diagnostics, result.Status, analysis.Bound);
    }

    /// <summary>The position of the unique occurrence of <paramref name="needle"/> (plus <paramref name="offset"/> characters), as path:line:col.</summary>
    public string At(string needle, int offset = 0)
    {
        var index = Yaml.IndexOf(needle, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{needle}' is not in the snippet");
        Assert.True(Yaml.IndexOf(needle, index + 1, StringComparison.Ordinal) < 0, $"'{needle}' occurs twice in the snippet");
        index += offset;
        var line = Yaml[..index].Count(c => c == '\n') + 1;
        var lineStart = index == 0 ? 0 : Yaml.LastIndexOf('\n', index - 1) + 1;
        return $"{Path}:{line}:{index - lineStart + 1}";
    }

    /// <summary>The diagnostics with <paramref name="code"/>.</summary>
    public List<Diagnostic> WithCode(string code) => Diagnostics.Where(d => d.Code.Value == code).ToList();

    /// <summary>Asserts exactly one diagnostic with <paramref name="code"/>, at <paramref name="needle"/>, and returns it.</summary>
    public Diagnostic Single(string code, string needle, int offset = 0)
    {
        var found = WithCode(code);
        Assert.True(found.Count == 1, $"expected one {code}, got:\n{Describe()}");
        Assert.Equal(At(needle, offset), found[0].Location.ToString());
        return found[0];
    }

    /// <summary>Asserts that no diagnostic is an error or a warning.</summary>
    public void Clean() =>
        Assert.True(Diagnostics.All(d => d.Severity == Severity.Info), $"expected no findings, got:\n{Describe()}");

    public string Describe() => string.Join("\n", Diagnostics.Select(d => d.ToString()));

    public RouteStatus Route(string name) => Status.Routes.Single(r => r.Object.Name == name);

    public Condition RouteCondition(string route, ConditionType type, int parent = 0) =>
        Route(route).Parents[parent].Conditions.Single(c => c.Type == type);

    public GatewayStatus Gateway(string name = "gw") => Status.Gateways.Single(g => g.Object.Name == name);

    public Condition GatewayCondition(ConditionType type, string gateway = "gw") =>
        Gateway(gateway).Conditions.Single(c => c.Type == type);

    public ListenerStatus Listener(string listener, string gateway = "gw") =>
        Gateway(gateway).Listeners.Single(l => l.Name == listener);

    public Condition ListenerCondition(string listener, ConditionType type, string gateway = "gw") =>
        Listener(listener, gateway).Conditions.Single(c => c.Type == type);

    /// <summary>True when the listener carries a condition of <paramref name="type"/> (Cilium sets Conflicted only on a conflict).</summary>
    public bool HasListenerCondition(string listener, ConditionType type, string gateway = "gw") =>
        Listener(listener, gateway).Conditions.Any(c => c.Type == type);

    public ListenerBinding BoundListener(string listener, string gateway = "gw") =>
        Bound.Gateways.Single(g => g.Gateway.Meta.Name == gateway).Listeners.Single(l => l.Listener.Name == listener);

    public RouteAttachment Attachment(string route, string listener = "http", string gateway = "gw") =>
        BoundListener(listener, gateway).Routes.Single(a => a.Route.Meta.Name == route);
}

/// <summary>Assertions on conditions.</summary>
internal static class ConditionAssert
{
    public static void Is(Condition condition, bool status, ConditionReason reason)
    {
        Assert.True(condition.Status == status && condition.Reason == reason,
            $"expected {condition.Type}={status} {reason}, got {condition.Status} {condition.Reason}: {condition.Message}");
    }
}
