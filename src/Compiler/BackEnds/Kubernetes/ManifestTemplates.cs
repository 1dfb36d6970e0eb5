using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Scriban;
using Scriban.Runtime;

namespace Meshc.Compiler.BackEnds.Kubernetes;

/// <summary>
/// The Scriban templates under Templates/ (embedded resources), one per manifest kind. A template only lays out a
/// view model built in C#; its single helper, <c>y</c>, writes a string as a safe YAML scalar. Members appear in
/// templates in snake_case (Scriban's default), e.g. <c>backend_services</c>.
/// </summary>
internal static class ManifestTemplates
{
    private const string ResourcePrefix = "Meshc.Compiler.BackEnds.Kubernetes.Templates.";

    private static readonly ConcurrentDictionary<string, Template> Cache = new(StringComparer.Ordinal);

    /// <summary>Renders template <paramref name="name"/> (file name without .sbn) with <paramref name="model"/> as its globals.</summary>
    // Scriban reads the view model's properties by reflection. The published CLI trims only the framework
    // (TrimMode=partial), so every member of the view models is still there to be read.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The compiler assembly is not trimmed; see the comment above.")]
    public static string Render(string name, object model)
    {
        var template = Cache.GetOrAdd(name, Load);
        var globals = new ScriptObject();
        globals.Import(model);
        globals.Import("y", new Func<string?, string>(YamlScalar.Quote));
        var context = new TemplateContext { StrictVariables = true, EnableRelaxedMemberAccess = false };
        context.PushGlobal(globals);
        return template.Render(context);
    }

    private static Template Load(string name)
    {
        var assembly = typeof(ManifestTemplates).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourcePrefix + name + ".sbn")
            ?? throw new InvalidOperationException($"template '{name}.sbn' is not embedded");
        using var reader = new StreamReader(stream);
        var template = Template.Parse(reader.ReadToEnd(), name + ".sbn");
        if (template.HasErrors) throw new InvalidOperationException($"template '{name}.sbn': {string.Join("; ", template.Messages)}");
        return template;
    }
}
