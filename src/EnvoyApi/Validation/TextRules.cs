using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Validate;

namespace Meshc.EnvoyApi.Validation;

/// <summary>PGV <c>string</c> and <c>bytes</c> rules.</summary>
internal static class TextRules
{
    // Patterns come from the compiled protos, so the set is small and worth compiling once.
    private static readonly ConcurrentDictionary<string, Regex?> s_patterns = new(StringComparer.Ordinal);

    /// <summary>Checks a string value against its rules.</summary>
    public static void Check(string value, StringRules r, string path, List<PgvViolation> violations)
    {
        // ignore_empty: an empty value means "not configured" and skips every other rule.
        if (r.IgnoreEmpty && value.Length == 0)
        {
            return;
        }

        void Add(string rule, string message) => violations.Add(new(path, "string." + rule, message));

        if (r.HasConst && value != r.Const)
        {
            Add("const", $"must equal {Quote(r.Const)}, got {Quote(value)}");
        }

        // PGV lengths count Unicode code points ("runes"); *_bytes count UTF-8 bytes.
        ulong runes = (ulong)value.EnumerateRunes().Count();
        ulong bytes = (ulong)Encoding.UTF8.GetByteCount(value);
        if (r.HasLen && runes != r.Len)
        {
            Add("len", $"must be exactly {r.Len} characters long, got {runes}");
        }

        if (r.HasMinLen && runes < r.MinLen)
        {
            Add("min_len", $"must be at least {r.MinLen} characters long, got {runes}");
        }

        if (r.HasMaxLen && runes > r.MaxLen)
        {
            Add("max_len", $"must be at most {r.MaxLen} characters long, got {runes}");
        }

        if (r.HasLenBytes && bytes != r.LenBytes)
        {
            Add("len_bytes", $"must be exactly {r.LenBytes} bytes long, got {bytes}");
        }

        if (r.HasMinBytes && bytes < r.MinBytes)
        {
            Add("min_bytes", $"must be at least {r.MinBytes} bytes long, got {bytes}");
        }

        if (r.HasMaxBytes && bytes > r.MaxBytes)
        {
            Add("max_bytes", $"must be at most {r.MaxBytes} bytes long, got {bytes}");
        }

        if (r.HasPattern && !Matches(r.Pattern, value))
        {
            Add("pattern", $"must match the pattern {Quote(r.Pattern)}, got {Quote(value)}");
        }

        if (r.HasPrefix && !value.StartsWith(r.Prefix, StringComparison.Ordinal))
        {
            Add("prefix", $"must start with {Quote(r.Prefix)}, got {Quote(value)}");
        }

        if (r.HasSuffix && !value.EndsWith(r.Suffix, StringComparison.Ordinal))
        {
            Add("suffix", $"must end with {Quote(r.Suffix)}, got {Quote(value)}");
        }

        if (r.HasContains && !value.Contains(r.Contains, StringComparison.Ordinal))
        {
            Add("contains", $"must contain {Quote(r.Contains)}, got {Quote(value)}");
        }

        if (r.HasNotContains && value.Contains(r.NotContains, StringComparison.Ordinal))
        {
            Add("not_contains", $"must not contain {Quote(r.NotContains)}, got {Quote(value)}");
        }

        if (r.In.Count > 0 && !r.In.Contains(value))
        {
            Add("in", $"must be one of [{string.Join(", ", r.In.Select(Quote))}], got {Quote(value)}");
        }

        if (r.NotIn.Contains(value))
        {
            Add("not_in", $"must not be one of [{string.Join(", ", r.NotIn.Select(Quote))}], got {Quote(value)}");
        }

        CheckWellKnown(value, r, Add);
    }

    /// <summary>Checks a bytes value against its rules.</summary>
    public static void Check(ByteString value, BytesRules r, string path, List<PgvViolation> violations)
    {
        void Add(string rule, string message) => violations.Add(new(path, "bytes." + rule, message));

        ReadOnlySpan<byte> span = value.Span;
        ulong length = (ulong)span.Length;
        if (r.HasConst && value != r.Const)
        {
            Add("const", "must equal the configured constant");
        }

        if (r.HasLen && length != r.Len)
        {
            Add("len", $"must be exactly {r.Len} bytes long, got {length}");
        }

        if (r.HasMinLen && length < r.MinLen)
        {
            Add("min_len", $"must be at least {r.MinLen} bytes long, got {length}");
        }

        if (r.HasMaxLen && length > r.MaxLen)
        {
            Add("max_len", $"must be at most {r.MaxLen} bytes long, got {length}");
        }

        // PGV matches bytes patterns against the bytes read as UTF-8.
        if (r.HasPattern && !Matches(r.Pattern, Encoding.UTF8.GetString(span)))
        {
            Add("pattern", $"must match the pattern {Quote(r.Pattern)}");
        }

        if (r.HasPrefix && !span.StartsWith(r.Prefix.Span))
        {
            Add("prefix", "must start with the configured prefix");
        }

        if (r.HasSuffix && !span.EndsWith(r.Suffix.Span))
        {
            Add("suffix", "must end with the configured suffix");
        }

        if (r.HasContains && span.IndexOf(r.Contains.Span) < 0)
        {
            Add("contains", "must contain the configured byte sequence");
        }

        if (r.In.Count > 0 && !r.In.Contains(value))
        {
            Add("in", "must be one of the configured values");
        }

        if (r.NotIn.Contains(value))
        {
            Add("not_in", "must not be one of the configured values");
        }

        switch (r.WellKnownCase)
        {
            case BytesRules.WellKnownOneofCase.Ip when r.Ip && span.Length is not (4 or 16):
                Add("ip", $"must be 4 or 16 bytes (an IP address), got {span.Length}");
                break;
            case BytesRules.WellKnownOneofCase.Ipv4 when r.Ipv4 && span.Length != 4:
                Add("ipv4", $"must be 4 bytes (an IPv4 address), got {span.Length}");
                break;
            case BytesRules.WellKnownOneofCase.Ipv6 when r.Ipv6 && span.Length != 16:
                Add("ipv6", $"must be 16 bytes (an IPv6 address), got {span.Length}");
                break;
        }
    }

    private static void CheckWellKnown(string value, StringRules r, Action<string, string> add)
    {
        (bool ok, string rule, string what) = r.WellKnownCase switch
        {
            StringRules.WellKnownOneofCase.Email when r.Email => (WellKnownFormats.IsEmail(value), "email", "an e-mail address"),
            StringRules.WellKnownOneofCase.Hostname when r.Hostname => (WellKnownFormats.IsHostname(value), "hostname", "a host name"),
            StringRules.WellKnownOneofCase.Ip when r.Ip => (WellKnownFormats.IsIP(value), "ip", "an IP address"),
            StringRules.WellKnownOneofCase.Ipv4 when r.Ipv4 => (WellKnownFormats.IsIPv4(value), "ipv4", "an IPv4 address"),
            StringRules.WellKnownOneofCase.Ipv6 when r.Ipv6 => (WellKnownFormats.IsIPv6(value), "ipv6", "an IPv6 address"),
            StringRules.WellKnownOneofCase.Uri when r.Uri => (WellKnownFormats.IsUri(value), "uri", "an absolute URI"),
            StringRules.WellKnownOneofCase.UriRef when r.UriRef => (WellKnownFormats.IsUriReference(value), "uri_ref", "a URI reference"),
            StringRules.WellKnownOneofCase.Address when r.Address => (WellKnownFormats.IsAddress(value), "address", "a host name or IP address"),
            StringRules.WellKnownOneofCase.Uuid when r.Uuid => (WellKnownFormats.IsUuid(value), "uuid", "a UUID"),
            StringRules.WellKnownOneofCase.WellKnownRegex when r.WellKnownRegex == KnownRegex.HttpHeaderName =>
                (WellKnownFormats.IsHeaderName(value, r.Strict), "well_known_regex", "a valid HTTP header name"),
            StringRules.WellKnownOneofCase.WellKnownRegex when r.WellKnownRegex == KnownRegex.HttpHeaderValue =>
                (WellKnownFormats.IsHeaderValue(value, r.Strict), "well_known_regex", "a valid HTTP header value"),
            _ => (true, string.Empty, string.Empty),
        };

        if (!ok)
        {
            add(rule, $"must be {what}, got {Quote(value)}");
        }
    }

    // RE2 (what PGV uses) is close to a subset of .NET regex; NonBacktracking keeps RE2's
    // linear-time guarantee. A pattern .NET cannot compile is treated as not matching, so it
    // is reported rather than silently passing.
    private static bool Matches(string pattern, string value)
    {
        Regex? regex = s_patterns.GetOrAdd(pattern, static p =>
        {
            try
            {
                return new Regex(p, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
            {
                return null;
            }
        });
        return regex?.IsMatch(value) == true;
    }

    private static string Quote(string s) => FieldPath.Quote(s);
}
