namespace Meshc.Compiler.Cli;

/// <summary><c>--xds-server HOST:PORT</c>: a host name or IP address and a port from 1 to 65535.</summary>
public static class XdsServerOption
{
    public static bool IsValid(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port)
            || port is < 1 or > 65535) return false;
        var host = text[..colon];
        return Uri.CheckHostName(host.Trim('[', ']')) != UriHostNameType.Unknown;
    }
}
