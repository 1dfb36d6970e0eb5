using System.Text;

namespace Meshc.Runtime.Routing;

/// <summary>
/// RFC 3986 path canonicalization as Envoy's <c>normalize_path</c> does it with the Chromium URL library
/// (<c>url::CanonicalizePath</c>, the variant Envoy's own path tests pin): '\' is a separator and becomes '/';
/// <c>.</c> and <c>..</c> segments (also spelt <c>%2e</c>) are resolved, never above the root; escapes of unreserved
/// characters are decoded, other escapes kept as sent (hex case included); characters a path may not hold raw are
/// escaped; a NUL, raw or escaped, fails the request. Multiple slashes are left alone (that is merge_slashes).
/// </summary>
public static class PathCanonicalizer
{
    private enum Kind : byte { Pass, Escape, Unescape, Invalid, Dot }

    // The table of Chromium's path canonicalizer for the 7-bit range; every byte from 0x80 up is escaped.
    private static readonly Kind[] Table = BuildTable();

    /// <summary>The canonical form of <paramref name="path"/> (no query), or null when it holds a NUL.</summary>
    public static string? Canonicalize(string path)
    {
        var output = new StringBuilder(path.Length + 1);
        var ok = true;
        if (path.Length == 0 || !IsSlash(path[0])) output.Append('/');
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c >= 0x80)
            {
                foreach (var b in Encoding.UTF8.GetBytes(c.ToString())) AppendEscaped(output, b);
                continue;
            }
            var dot = DotLength(path, i);
            if (dot > 0)
            {
                i = Dot(path, i, dot, output);
                continue;
            }
            switch (c)
            {
                case '\\':
                    output.Append('/');
                    break;
                case '%':
                    if (TryDecode(path, i, out var value))
                    {
                        var kind = value < 0x80 ? Table[value] : Kind.Escape;
                        if (kind == Kind.Unescape) output.Append((char)value);
                        else
                        {
                            output.Append(path, i, 3);
                            if (kind == Kind.Invalid) ok = false;
                        }
                        i += 2;
                    }
                    else output.Append('%');
                    break;
                default:
                    switch (Table[c])
                    {
                        case Kind.Invalid:
                            AppendEscaped(output, (byte)c);
                            ok = false;
                            break;
                        case Kind.Escape:
                            AppendEscaped(output, (byte)c);
                            break;
                        case Kind.Pass:
                        case Kind.Unescape:
                        case Kind.Dot:
                        default:
                            output.Append(c);
                            break;
                    }
                    break;
            }
        }
        return ok ? output.ToString() : null;
    }

    /// <summary>Handles a dot of <paramref name="length"/> at <paramref name="i"/>; returns the last input index consumed.</summary>
    private static int Dot(string path, int i, int length, StringBuilder output)
    {
        // A dot only means a directory right after a slash; elsewhere it is part of a name.
        if (output[^1] != '/')
        {
            output.Append('.');
            return i + length - 1;
        }
        var after = i + length;
        if (after == path.Length) return after - 1;                       // "/." at the end
        if (IsSlash(path[after])) return after;                           // "./"
        var second = DotLength(path, after);
        if (second > 0)
        {
            var afterSecond = after + second;
            if (afterSecond == path.Length || IsSlash(path[afterSecond]))
            {
                BackUpToPreviousSlash(output);
                return afterSecond == path.Length ? afterSecond - 1 : afterSecond;
            }
        }
        output.Append('.');
        return i + length - 1;
    }

    /// <summary>Drops the last segment: the output ends with '/', and is cut after the slash before that one.</summary>
    private static void BackUpToPreviousSlash(StringBuilder output)
    {
        var i = output.Length - 1;
        if (i == 0) return;
        i--;
        while (i > 0 && output[i] != '/') i--;
        output.Length = i + 1;
    }

    private static int DotLength(string s, int i)
    {
        if (s[i] == '.') return 1;
        return s[i] == '%' && i + 3 <= s.Length && s[i + 1] == '2' && (s[i + 2] == 'e' || s[i + 2] == 'E') ? 3 : 0;
    }

    private static bool IsSlash(char c) => c is '/' or '\\';

    private static bool TryDecode(string s, int i, out int value)
    {
        value = 0;
        if (i + 3 > s.Length || !char.IsAsciiHexDigit(s[i + 1]) || !char.IsAsciiHexDigit(s[i + 2])) return false;
        value = (Hex(s[i + 1]) << 4) | Hex(s[i + 2]);
        return true;
    }

    private static int Hex(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static void AppendEscaped(StringBuilder output, byte b) =>
        output.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));

    private static Kind[] BuildTable()
    {
        var table = new Kind[0x80];
        for (var c = 0; c < 0x80; c++)
        {
            table[c] = c switch
            {
                0 => Kind.Invalid,
                < 0x20 or 0x7F => Kind.Escape,
                ' ' or '"' or '#' or '%' or '<' or '>' or '?' or '\\' or '^' or '`' or '{' or '|' or '}' => Kind.Escape,
                '.' => Kind.Dot,
                '-' or '_' or '~' => Kind.Unescape,
                _ when char.IsAsciiLetterOrDigit((char)c) => Kind.Unescape,
                _ => Kind.Pass,
            };
        }
        return table;
    }
}
