using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.FrontEnds.Yaml;

/// <summary>Reads a BackendTLSPolicy (v1, v1alpha3): targetRefs and spec.validation.</summary>
internal static class BackendTlsPolicyReader
{
    public static IMeshObject? Read(YamlObject obj, DiagnosticBag diagnostics)
    {
        if (MetaReader.Read(obj, diagnostics) is not { } meta) return null;
        var spec = obj.Root.Map("spec");
        var targets = spec.Maps("targetRefs")
            .Select(t => new PolicyTargetRef(t.Str("group") ?? "", t.Str("kind") ?? "", t.Str("name") ?? "", t.Str("sectionName"), t.LocationIn(obj.Path)))
            .ToValueList();
        var validation = spec.Map("validation");
        var caRefs = validation.Maps("caCertificateRefs")
            .Select(c => new ObjectRef(c.Str("group") ?? "", c.Str("kind") ?? "", null, c.Str("name") ?? "", c.LocationIn(obj.Path)))
            .ToValueList();
        var sans = validation.Maps("subjectAltNames")
            .Select(s => new SubjectAltName(s.Str("type") ?? "Hostname", s.Str("type") == "URI" ? s.Str("uri") ?? "" : s.Str("hostname") ?? ""))
            .ToValueList();
        var at = validation?.LocationIn(obj.Path) ?? obj.Location;
        return new BackendTlsPolicy(meta, targets, caRefs, validation.Str("wellKnownCACertificates"), validation.Str("hostname") ?? "", sans, at);
    }
}
