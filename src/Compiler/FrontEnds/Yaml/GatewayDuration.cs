using System.Globalization;
using System.Text.RegularExpressions;

namespace Meshc.Compiler.FrontEnds.Yaml;

/// <summary>The Gateway API duration format (GEP-2257): one to four of <c>&lt;1-5 digits&gt;(h|m|s|ms)</c>, e.g. <c>1h30m</c>, <c>500ms</c>.</summary>
internal static partial class GatewayDuration
{
    [GeneratedRegex(@"^([0-9]{1,5}(h|m|s|ms)){1,4}$")]
    private static partial Regex Whole();

    [GeneratedRegex(@"([0-9]{1,5})(ms|h|m|s)")]
    private static partial Regex Part();

    public static bool TryParse(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (!Whole().IsMatch(text)) return false;
        foreach (Match m in Part().Matches(text))
        {
            var n = long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            value += m.Groups[2].Value switch
            {
                "h" => TimeSpan.FromHours(n),
                "m" => TimeSpan.FromMinutes(n),
                "s" => TimeSpan.FromSeconds(n),
                _ => TimeSpan.FromMilliseconds(n),
            };
        }
        return true;
    }
}
