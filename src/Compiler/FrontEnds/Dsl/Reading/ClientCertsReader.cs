using Meshc.Compiler.FrontEnds.Dsl.Syntax;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.FrontEnds.Dsl.Reading;

/// <summary>
/// Reads a gateway's client certificate validation (<c>spec.tls.frontend</c>): without <c>port</c> the default for all
/// its HTTPS listeners, with <c>port N</c> the settings of that port, which replace the default there; a port clause
/// without <c>ca</c> turns validation off on that port. Clients must present a certificate that chains to one of the
/// CAs, unless <c>insecure-fallback</c> lets those without a valid one through (mode AllowInsecureFallback).
/// <code>
/// client-certs [port N] [ca CA, secret CA, …] [insecure-fallback]
/// </code>
/// </summary>
internal static class ClientCertsReader
{
    public static FrontendTls? Read(IReadOnlyList<MeshParser.ClientCertsClauseContext> clauses, DslContext context)
    {
        if (clauses.Count == 0) return null;
        FrontendValidation? fallback = null;
        var perPort = new List<PortFrontendValidation>();
        foreach (var c in clauses)
        {
            var validation = c.caList() is null && c.INSECURE_FALLBACK() is null
                ? null
                : new FrontendValidation(CaRefReader.Read(c.caList(), context),
                    c.INSECURE_FALLBACK() is null ? FrontendValidation.AllowValidOnly : FrontendValidation.AllowInsecureFallback, context.At(c));
            if (c.INT() is { } port)
            {
                if (context.Int(port.Symbol, "client-certs port", 1, 65535) is { } number) perPort.Add(new PortFrontendValidation(number, validation));
            }
            else
            {
                if (validation is null) context.Diagnostics.ReportDslEmptyClause(context.At(c), "client-certs", "'ca CA, …', the CAs client certificates must chain to");
                fallback = validation;
            }
        }
        return new FrontendTls(fallback, perPort.ToValueList());
    }
}
