using System.Globalization;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Validate;

namespace Meshc.EnvoyApi.Validation;

/// <summary>PGV <c>bool</c>, <c>enum</c> and <c>any</c> rules, and the "required" family.</summary>
internal static class SimpleRules
{
    /// <summary>Checks a bool value.</summary>
    public static void Check(bool value, BoolRules r, string path, List<PgvViolation> violations)
    {
        if (r.HasConst && value != r.Const)
        {
            violations.Add(new(path, "bool.const", $"must be {(r.Const ? "true" : "false")}"));
        }
    }

    /// <summary>Checks an enum value given as its wire number.</summary>
    public static void Check(int number, EnumDescriptor type, EnumRules r, string path, List<PgvViolation> violations)
    {
        if (r.HasConst && number != r.Const)
        {
            violations.Add(new(path, "enum.const", $"must equal {Name(type, r.Const)}, got {Name(type, number)}"));
        }

        if (r.DefinedOnly && type.FindValueByNumber(number) is null)
        {
            violations.Add(new(path, "enum.defined_only", $"must be a defined {type.FullName} value, got {number.ToString(CultureInfo.InvariantCulture)}"));
        }

        if (r.In.Count > 0 && !r.In.Contains(number))
        {
            violations.Add(new(path, "enum.in", $"must be one of [{string.Join(", ", r.In.Select(n => Name(type, n)))}], got {Name(type, number)}"));
        }

        if (r.NotIn.Contains(number))
        {
            violations.Add(new(path, "enum.not_in", $"must not be one of [{string.Join(", ", r.NotIn.Select(n => Name(type, n)))}], got {Name(type, number)}"));
        }
    }

    /// <summary>Checks the type URL of a set <c>Any</c> against <c>in</c>/<c>not_in</c>.</summary>
    public static void Check(Any value, AnyRules r, string path, List<PgvViolation> violations)
    {
        if (r.In.Count > 0 && !r.In.Contains(value.TypeUrl))
        {
            violations.Add(new(path, "any.in", $"type URL must be one of [{string.Join(", ", r.In.Select(FieldPath.Quote))}], got {FieldPath.Quote(value.TypeUrl)}"));
        }

        if (r.NotIn.Contains(value.TypeUrl))
        {
            violations.Add(new(path, "any.not_in", $"type URL must not be one of [{string.Join(", ", r.NotIn.Select(FieldPath.Quote))}], got {FieldPath.Quote(value.TypeUrl)}"));
        }
    }

    /// <summary>
    /// The rule that makes an absent message-typed field an error (<c>message.required</c>,
    /// <c>any.required</c>, <c>duration.required</c>, <c>timestamp.required</c>), if any.
    /// </summary>
    public static string? RequiredRule(FieldRules? rules) => rules switch
    {
        null => null,
        { Message.Required: true } => "message.required",
        { TypeCase: FieldRules.TypeOneofCase.Any, Any.Required: true } => "any.required",
        { TypeCase: FieldRules.TypeOneofCase.Duration, Duration.Required: true } => "duration.required",
        { TypeCase: FieldRules.TypeOneofCase.Timestamp, Timestamp.Required: true } => "timestamp.required",
        _ => null,
    };

    // "NAME (n)" for defined values, the bare number otherwise.
    private static string Name(EnumDescriptor type, int number) =>
        type.FindValueByNumber(number) is { } value
            ? $"{value.Name} ({number.ToString(CultureInfo.InvariantCulture)})"
            : number.ToString(CultureInfo.InvariantCulture);
}
