using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Meshc.Compiler.Schemas;

/// <summary>The string formats the schema check asserts (the derivation keeps no others), and how to name them.</summary>
internal static class SchemaFormats
{
    public static string Require(string format) => format is "ipv4" or "ipv6"
        ? format
        : throw new InvalidDataException($"format '{format}' is not supported by the schema check");

    public static bool Matches(string format, string value) => format switch
    {
        "ipv4" => IsDottedQuad(value),
        "ipv6" => value.Contains(':') && !value.Contains('%') &&
                  IPAddress.TryParse(value, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6,
        _ => true,
    };

    /// <summary>"an IPv4 address": the words for a message.</summary>
    public static string Describe(string format) => format switch
    {
        "ipv4" => "an IPv4 address",
        "ipv6" => "an IPv6 address",
        _ => $"a valid {format}",
    };

    /// <summary>RFC 2673 dotted-quad: four decimal octets, no leading zeros (IPAddress.TryParse also takes "10" or "1.2").</summary>
    private static bool IsDottedQuad(string value)
    {
        var parts = value.Split('.');
        return parts.Length == 4 && parts.All(p =>
            p.Length is >= 1 and <= 3 && p.All(char.IsAsciiDigit) && (p.Length == 1 || p[0] != '0') &&
            int.Parse(p, CultureInfo.InvariantCulture) <= 255);
    }
}
