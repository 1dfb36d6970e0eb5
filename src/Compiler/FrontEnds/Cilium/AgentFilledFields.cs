using Meshc.EnvoyApi.Validation;

namespace Meshc.Compiler.FrontEnds.Cilium;

/// <summary>
/// Required fields that Cilium's agent fills in before it validates a CiliumEnvoyConfig, so leaving them out of
/// the input is normal (the bookstore canary does): an HCM's <c>rds.config_source</c>. meshc's agent completion
/// fills them the same way (pointing at the bundle's files) and validates the result again before emitting.
/// </summary>
internal static class AgentFilledFields
{
    /// <summary>Whether the violation is a missing field the agent fills in.</summary>
    public static bool Covers(PgvViolation violation) =>
        violation.Rule == "message.required" &&
        (violation.FieldPath == "rds.config_source" || violation.FieldPath.EndsWith(".rds.config_source", StringComparison.Ordinal));
}
