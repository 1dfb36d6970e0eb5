using System.Globalization;
using System.Numerics;
using Validate;

namespace Meshc.EnvoyApi.Validation;

/// <summary>
/// The <c>const</c>/<c>lt</c>/<c>lte</c>/<c>gt</c>/<c>gte</c>/<c>in</c>/<c>not_in</c> rule set that
/// PGV shares across all numeric types, durations and timestamps, normalized to one shape so a
/// single checker implements the semantics.
/// </summary>
/// <typeparam name="T">The comparable value type (durations and timestamps use nanoseconds).</typeparam>
internal sealed record NumericRules<T>(
    string Kind,
    T? Const,
    T? Lt,
    T? Lte,
    T? Gt,
    T? Gte,
    IReadOnlyList<T> In,
    IReadOnlyList<T> NotIn)
    where T : struct, INumber<T>
{
    /// <summary>Appends a violation for every rule <paramref name="value"/> breaks.</summary>
    /// <param name="value">The value to check.</param>
    /// <param name="path">Field path for the report.</param>
    /// <param name="violations">Receives the violations.</param>
    /// <param name="format">Renders values in messages; defaults to invariant-culture text.</param>
    public void Check(T value, string path, List<PgvViolation> violations, Func<T, string>? format = null)
    {
        format ??= static v => v.ToString(null, CultureInfo.InvariantCulture);

        if (Const is { } c && value != c)
        {
            violations.Add(new(path, Kind + ".const", $"must equal {format(c)}, got {format(value)}"));
        }

        CheckRange(value, path, violations, format);

        if (In.Count > 0 && !In.Contains(value))
        {
            violations.Add(new(path, Kind + ".in", $"must be one of [{string.Join(", ", In.Select(format))}], got {format(value)}"));
        }

        if (NotIn.Contains(value))
        {
            violations.Add(new(path, Kind + ".not_in", $"must not be one of [{string.Join(", ", NotIn.Select(format))}], got {format(value)}"));
        }
    }

    // PGV semantics: with both an upper (lt/lte) and a lower (gt/gte) bound, upper > lower means
    // "inside the range"; otherwise the bounds describe an excluded gap and the value must lie
    // outside it. A single bound is a plain comparison.
    private void CheckRange(T value, string path, List<PgvViolation> violations, Func<T, string> format)
    {
        (T bound, bool inclusive, string name)? upper =
            Lt is { } lt ? (lt, false, "lt") : Lte is { } lte ? (lte, true, "lte") : null;
        (T bound, bool inclusive, string name)? lower =
            Gt is { } gt ? (gt, false, "gt") : Gte is { } gte ? (gte, true, "gte") : null;

        bool belowUpper = upper is not { } u || (u.inclusive ? value <= u.bound : value < u.bound);
        bool aboveLower = lower is not { } l || (l.inclusive ? value >= l.bound : value > l.bound);

        if (upper is { } up && lower is { } low)
        {
            string range = $"{(low.inclusive ? "[" : "(")}{format(low.bound)}, {format(up.bound)}{(up.inclusive ? "]" : ")")}";
            if (up.bound > low.bound)
            {
                if (!aboveLower || !belowUpper)
                {
                    string failed = aboveLower ? up.name : low.name;
                    violations.Add(new(path, $"{Kind}.{failed}", $"must be inside range {range}, got {format(value)}"));
                }
            }
            else if (!belowUpper && !aboveLower)
            {
                // e.g. {gt: 10, lt: 5}: anything but [5, 10] is accepted.
                string gap = $"{(up.inclusive ? "(" : "[")}{format(up.bound)}, {format(low.bound)}{(low.inclusive ? ")" : "]")}";
                violations.Add(new(path, $"{Kind}.{up.name}_{low.name}", $"must be outside range {gap}, got {format(value)}"));
            }

            return;
        }

        if (upper is { } only && !belowUpper)
        {
            string op = only.inclusive ? "less than or equal to" : "less than";
            violations.Add(new(path, $"{Kind}.{only.name}", $"must be {op} {format(only.bound)}, got {format(value)}"));
        }

        if (lower is { } min && !aboveLower)
        {
            string op = min.inclusive ? "greater than or equal to" : "greater than";
            violations.Add(new(path, $"{Kind}.{min.name}", $"must be {op} {format(min.bound)}, got {format(value)}"));
        }
    }
}

/// <summary>Converts each PGV numeric rules message into <see cref="NumericRules{T}"/>.</summary>
internal static class NumericRulesAdapter
{
    /// <summary>
    /// Checks a scalar numeric <paramref name="value"/> against the numeric rule set selected in
    /// <paramref name="rules"/>. Returns <see langword="false"/> when <paramref name="rules"/> is not
    /// a numeric rule set (or does not match the value's CLR type), so the caller can try others.
    /// </summary>
    public static bool TryCheck(FieldRules rules, object value, string path, List<PgvViolation> violations)
    {
        switch (rules.TypeCase, value)
        {
            case (FieldRules.TypeOneofCase.Float, float v): From(rules.Float).Check(v, path, violations); return true;
            case (FieldRules.TypeOneofCase.Double, double v): From(rules.Double).Check(v, path, violations); return true;
            case (FieldRules.TypeOneofCase.Int32, int v): From(rules.Int32).Check(v, path, violations); return true;
            case (FieldRules.TypeOneofCase.Int64, long v): From(rules.Int64).Check(v, path, violations); return true;
            case (FieldRules.TypeOneofCase.Uint32, uint v): From(rules.Uint32).Check(v, path, violations); return true;
            case (FieldRules.TypeOneofCase.Uint64, ulong v): From(rules.Uint64).Check(v, path, violations); return true;
            case (FieldRules.TypeOneofCase.Sint32, int v): From(rules.Sint32).Check(v, path, violations); return true;
            case (FieldRules.TypeOneofCase.Sint64, long v): From(rules.Sint64).Check(v, path, violations); return true;
            case (FieldRules.TypeOneofCase.Fixed32, uint v): From(rules.Fixed32).Check(v, path, violations); return true;
            case (FieldRules.TypeOneofCase.Fixed64, ulong v): From(rules.Fixed64).Check(v, path, violations); return true;
            case (FieldRules.TypeOneofCase.Sfixed32, int v): From(rules.Sfixed32).Check(v, path, violations); return true;
            case (FieldRules.TypeOneofCase.Sfixed64, long v): From(rules.Sfixed64).Check(v, path, violations); return true;
            default: return false;
        }
    }

    private static NumericRules<float> From(FloatRules r) =>
        new("float", r.HasConst ? r.Const : null, r.HasLt ? r.Lt : null, r.HasLte ? r.Lte : null, r.HasGt ? r.Gt : null, r.HasGte ? r.Gte : null, r.In, r.NotIn);

    private static NumericRules<double> From(DoubleRules r) =>
        new("double", r.HasConst ? r.Const : null, r.HasLt ? r.Lt : null, r.HasLte ? r.Lte : null, r.HasGt ? r.Gt : null, r.HasGte ? r.Gte : null, r.In, r.NotIn);

    private static NumericRules<int> From(Int32Rules r) =>
        new("int32", r.HasConst ? r.Const : null, r.HasLt ? r.Lt : null, r.HasLte ? r.Lte : null, r.HasGt ? r.Gt : null, r.HasGte ? r.Gte : null, r.In, r.NotIn);

    private static NumericRules<long> From(Int64Rules r) =>
        new("int64", r.HasConst ? r.Const : null, r.HasLt ? r.Lt : null, r.HasLte ? r.Lte : null, r.HasGt ? r.Gt : null, r.HasGte ? r.Gte : null, r.In, r.NotIn);

    private static NumericRules<uint> From(UInt32Rules r) =>
        new("uint32", r.HasConst ? r.Const : null, r.HasLt ? r.Lt : null, r.HasLte ? r.Lte : null, r.HasGt ? r.Gt : null, r.HasGte ? r.Gte : null, r.In, r.NotIn);

    private static NumericRules<ulong> From(UInt64Rules r) =>
        new("uint64", r.HasConst ? r.Const : null, r.HasLt ? r.Lt : null, r.HasLte ? r.Lte : null, r.HasGt ? r.Gt : null, r.HasGte ? r.Gte : null, r.In, r.NotIn);

    private static NumericRules<int> From(SInt32Rules r) =>
        new("sint32", r.HasConst ? r.Const : null, r.HasLt ? r.Lt : null, r.HasLte ? r.Lte : null, r.HasGt ? r.Gt : null, r.HasGte ? r.Gte : null, r.In, r.NotIn);

    private static NumericRules<long> From(SInt64Rules r) =>
        new("sint64", r.HasConst ? r.Const : null, r.HasLt ? r.Lt : null, r.HasLte ? r.Lte : null, r.HasGt ? r.Gt : null, r.HasGte ? r.Gte : null, r.In, r.NotIn);

    private static NumericRules<uint> From(Fixed32Rules r) =>
        new("fixed32", r.HasConst ? r.Const : null, r.HasLt ? r.Lt : null, r.HasLte ? r.Lte : null, r.HasGt ? r.Gt : null, r.HasGte ? r.Gte : null, r.In, r.NotIn);

    private static NumericRules<ulong> From(Fixed64Rules r) =>
        new("fixed64", r.HasConst ? r.Const : null, r.HasLt ? r.Lt : null, r.HasLte ? r.Lte : null, r.HasGt ? r.Gt : null, r.HasGte ? r.Gte : null, r.In, r.NotIn);

    private static NumericRules<int> From(SFixed32Rules r) =>
        new("sfixed32", r.HasConst ? r.Const : null, r.HasLt ? r.Lt : null, r.HasLte ? r.Lte : null, r.HasGt ? r.Gt : null, r.HasGte ? r.Gte : null, r.In, r.NotIn);

    private static NumericRules<long> From(SFixed64Rules r) =>
        new("sfixed64", r.HasConst ? r.Const : null, r.HasLt ? r.Lt : null, r.HasLte ? r.Lte : null, r.HasGt ? r.Gt : null, r.HasGte ? r.Gte : null, r.In, r.NotIn);
}
