using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Validate;

namespace Meshc.EnvoyApi.Validation;

/// <summary>
/// PGV <c>duration</c> and <c>timestamp</c> rules. Values are compared as whole nanoseconds
/// (<see cref="Int128"/>), so no precision is lost to <see cref="TimeSpan"/> ticks.
/// </summary>
internal static class TimeRules
{
    private const long NanosPerSecond = 1_000_000_000;

    // The range protobuf allows for Timestamp (0001-01-01 to 9999-12-31, UTC).
    private const long MinTimestampSeconds = -62_135_596_800;
    private const long MaxTimestampSeconds = 253_402_300_799;

    /// <summary>Checks a set <c>google.protobuf.Duration</c> against its rules.</summary>
    public static void Check(Duration value, DurationRules rules, string path, List<PgvViolation> violations)
    {
        var numeric = new NumericRules<Int128>(
            "duration",
            NanosOrNull(rules.Const),
            NanosOrNull(rules.Lt),
            NanosOrNull(rules.Lte),
            NanosOrNull(rules.Gt),
            NanosOrNull(rules.Gte),
            rules.In.Select(Nanos).ToArray(),
            rules.NotIn.Select(Nanos).ToArray());
        numeric.Check(Nanos(value), path, violations, FormatDuration);
    }

    /// <summary>Checks a set <c>google.protobuf.Timestamp</c> against its rules.</summary>
    public static void Check(Timestamp value, TimestampRules rules, string path, List<PgvViolation> violations)
    {
        Int128 nanos = Nanos(value);
        var numeric = new NumericRules<Int128>(
            "timestamp",
            NanosOrNull(rules.Const),
            NanosOrNull(rules.Lt),
            NanosOrNull(rules.Lte),
            NanosOrNull(rules.Gt),
            NanosOrNull(rules.Gte),
            [],
            []);
        numeric.Check(nanos, path, violations, FormatTimestamp);

        // The *_now rules are relative to the wall clock at validation time, as in PGV.
        Int128 now = Nanos(Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow));
        if (rules.LtNow && nanos >= now)
        {
            violations.Add(new(path, "timestamp.lt_now", $"must be in the past, got {FormatTimestamp(nanos)}"));
        }

        if (rules.GtNow && nanos <= now)
        {
            violations.Add(new(path, "timestamp.gt_now", $"must be in the future, got {FormatTimestamp(nanos)}"));
        }

        if (rules.Within is { } within && Int128.Abs(nanos - now) > Nanos(within))
        {
            violations.Add(new(path, "timestamp.within", $"must be within {FormatDuration(Nanos(within))} of now, got {FormatTimestamp(nanos)}"));
        }
    }

    private static Int128 Nanos(Duration d) => ((Int128)d.Seconds * NanosPerSecond) + d.Nanos;

    private static Int128 Nanos(Timestamp t) => ((Int128)t.Seconds * NanosPerSecond) + t.Nanos;

    private static Int128? NanosOrNull(Duration? d) => d is null ? null : Nanos(d);

    private static Int128? NanosOrNull(Timestamp? t) => t is null ? null : Nanos(t);

    // Same notation as proto3 JSON durations, e.g. "0.25s".
    private static string FormatDuration(Int128 nanos) =>
        ((decimal)nanos / NanosPerSecond).ToString(CultureInfo.InvariantCulture) + "s";

    private static string FormatTimestamp(Int128 nanos)
    {
        long seconds = (long)Int128.DivRem(nanos, NanosPerSecond).Quotient;
        int remainder = (int)(nanos - ((Int128)seconds * NanosPerSecond));
        if (remainder < 0)
        {
            seconds--;
            remainder += (int)NanosPerSecond;
        }

        if (seconds is < MinTimestampSeconds or > MaxTimestampSeconds)
        {
            return seconds.ToString(CultureInfo.InvariantCulture) + "s since the Unix epoch";
        }

        return new Timestamp { Seconds = seconds, Nanos = remainder }.ToDateTimeOffset()
            .ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
    }
}
