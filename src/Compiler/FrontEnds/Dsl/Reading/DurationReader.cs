using Antlr4.Runtime;
using Meshc.Compiler.FrontEnds.Yaml;

namespace Meshc.Compiler.FrontEnds.Dsl.Reading;

/// <summary>Reads a duration such as <c>5s</c>, <c>1m30s</c> or <c>250ms</c> in the Gateway API's format (GEP-2257).</summary>
internal static class DurationReader
{
    public static TimeSpan? Read(IToken? token, DslContext context)
    {
        if (token is null) return null;
        if (GatewayDuration.TryParse(token.Text, out var value)) return value;
        context.Diagnostics.ReportInvalidDuration(context.At(token), token.Text, "use up to four parts of 1-5 digits with h, m, s or ms, e.g. '1m30s'");
        return null;
    }
}
