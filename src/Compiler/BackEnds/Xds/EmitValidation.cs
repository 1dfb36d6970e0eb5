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
    public static bool Check(IMessage message, string name, SourceLocation origin, DiagnosticBag diagnostics) =>
        Report(message, name, origin, PgvValidator.Validate(message), diagnostics);

    /// <summary>
    /// <see cref="Check"/> for many messages: validated in parallel, reported in the order given. True when all are valid.
    /// </summary>
    public static bool CheckAll(CompilationOptions options, IReadOnlyList<(IMessage Message, string Name, SourceLocation Origin)> messages,
        DiagnosticBag diagnostics)
    {
        var violations = Parallelism.Map(options, messages, m => PgvValidator.Validate(m.Message));
        var valid = true;
        for (var i = 0; i < messages.Count; i++)
            valid = Report(messages[i].Message, messages[i].Name, messages[i].Origin, violations[i], diagnostics) && valid;
        return valid;
    }

    private static bool Report(IMessage message, string name, SourceLocation origin, IReadOnlyList<PgvViolation> violations,
        DiagnosticBag diagnostics)
    {
        foreach (var v in violations)
            diagnostics.ReportEnvoyValidationFailed(origin, message.Descriptor.Name, name, v.Rule, v.FieldPath, hint: v.Message);
        return violations.Count == 0;
    }
}
