namespace Meshc.EnvoyApi.Validation;

/// <summary>One broken protoc-gen-validate rule.</summary>
/// <param name="FieldPath">
/// Path from the validated root in proto field names, e.g. <c>filter_chains[0].filters[0].name</c>;
/// map entries appear as <c>metadata.filter_metadata["key"]</c>. Paths continue through <c>Any</c> payloads.
/// </param>
/// <param name="Rule">The PGV rule, e.g. <c>string.min_len</c>, <c>message.required</c>, <c>oneof.required</c>.</param>
/// <param name="Message">What is wrong, in words, including the offending value where useful.</param>
public readonly record struct PgvViolation(string FieldPath, string Rule, string Message)
{
    /// <summary>Formats as <c>path: rule: message</c>.</summary>
    public override string ToString() => $"{FieldPath}: {Rule}: {Message}";
}
