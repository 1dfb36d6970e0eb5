using System.Net;
using System.Net.Mail;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Meshc.EnvoyApi.Validation;

/// <summary>
/// The string formats PGV knows by name (<c>hostname</c>, <c>ip</c>, <c>email</c>, HTTP header
/// names and values, ...), following protoc-gen-validate's Go implementation closely enough to
/// accept and reject the same configuration values in practice.
/// </summary>
internal static partial class WellKnownFormats
{
    // PGV's HTTP_HEADER_NAME (strict) regex. '+-.' is a range in the original class and is kept
    // as-is so that the same names pass. \z rather than $: .NET's $ also matches before a final '\n'.
    [GeneratedRegex(@"^:?[0-9a-zA-Z!#$%&'*+-.^_|~\x60]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex StrictHeaderName();

    // PGV's HTTP_HEADER_VALUE (strict): no control characters except horizontal tab.
    [GeneratedRegex(@"^[^\u0000-\u0008\u000A-\u001F\u007F]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex StrictHeaderValue();

    // PGV's non-strict form for both names and values: only NUL, LF and CR are rejected.
    [GeneratedRegex(@"^[^\u0000\u000A\u000D]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex LooseHeader();

    [GeneratedRegex(@"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Uuid();

    // RFC 3986 scheme; required up front because .NET also treats "/path" as an absolute (file) URI.
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:", RegexOptions.CultureInvariant)]
    private static partial Regex UriScheme();

    /// <summary>An RFC 7230 header name (optionally an HTTP/2 pseudo-header like <c>:path</c>).</summary>
    public static bool IsHeaderName(string s, bool strict) => strict ? StrictHeaderName().IsMatch(s) : LooseHeader().IsMatch(s);

    /// <summary>An RFC 7230 header value.</summary>
    public static bool IsHeaderValue(string s, bool strict) => strict ? StrictHeaderValue().IsMatch(s) : LooseHeader().IsMatch(s);

    /// <summary>A DNS host name: labels of 1-63 letters, digits or hyphens, not starting or ending with a hyphen.</summary>
    public static bool IsHostname(string s)
    {
        string host = s.EndsWith('.') ? s[..^1] : s;
        if (host.Length is 0 or > 253)
        {
            return false;
        }

        foreach (string label in host.Split('.'))
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            if (!label.All(static c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A dotted-quad IPv4 address (no leading zeros, as Go's parser requires).</summary>
    public static bool IsIPv4(string s)
    {
        string[] parts = s.Split('.');
        return parts.Length == 4 && parts.All(static p =>
            p.Length is > 0 and <= 3
            && p.All(char.IsAsciiDigit)
            && (p.Length == 1 || p[0] != '0')
            && int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) <= 255);
    }

    /// <summary>A textual IPv6 address without zone or brackets.</summary>
    public static bool IsIPv6(string s) =>
        s.Contains(':') && !s.Contains('%') && !s.Contains('[')
        && IPAddress.TryParse(s, out IPAddress? address) && address.AddressFamily == AddressFamily.InterNetworkV6;

    /// <summary>An IPv4 or IPv6 address.</summary>
    public static bool IsIP(string s) => IsIPv4(s) || IsIPv6(s);

    /// <summary>A host name or IP address.</summary>
    public static bool IsAddress(string s) => IsIP(s) || IsHostname(s);

    /// <summary>A bare e-mail address (no display name) whose domain is a valid host name.</summary>
    public static bool IsEmail(string s)
    {
        if (s.Length > 254 || !MailAddress.TryCreate(s, out MailAddress? mail) || mail.Address != s)
        {
            return false;
        }

        return mail.User.Length <= 64 && IsHostname(mail.Host);
    }

    /// <summary>An absolute URI (with a scheme).</summary>
    public static bool IsUri(string s) => UriScheme().IsMatch(s) && Uri.TryCreate(s, UriKind.Absolute, out _);

    /// <summary>An absolute or relative URI reference.</summary>
    public static bool IsUriReference(string s) => Uri.TryCreate(s, UriKind.RelativeOrAbsolute, out _);

    /// <summary>A UUID in canonical 8-4-4-4-12 hex form.</summary>
    public static bool IsUuid(string s) => Uuid().IsMatch(s);
}
