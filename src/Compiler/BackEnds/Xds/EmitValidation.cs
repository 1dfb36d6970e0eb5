using Google.Protobuf;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Text;
using Meshc.EnvoyApi.Validation;

namespace Meshc.Compiler.BackEnds.Xds;

/// <summary>
/// The last gate before a file is written: every emitted message goes through the protoc-gen-validate rules Envoy
/// enforces. Input was validated when read, so a violation here is meshc's own fault (MC0401), never the user's.
/// </summary>
internal static class EmitValidation
{
    /// <summary>True when the message is valid; otherwise reports each broken rule.</summary>
    public static bool Check(IMessage message, string name, SourceLocation origin, DiagnosticBag diagnostics)
    {
        var violations = PgvValidator.Validate(message);
        foreach (var v in violations)
            diagnostics.ReportEnvoyValidationFailed(origin, message.Descriptor.Name, name, v.Rule, v.FieldPath, hint: v.Message);
        return violations.Count == 0;
    }
}
