using Meshc.Compiler.Text;

namespace Meshc.Compiler.Ir;

/// <summary>
/// A Gateway's <c>spec.tls.frontend</c>: client-certificate validation for its HTTPS listeners, a default and
/// per-port settings (a port's own settings replace the default).
/// </summary>
public sealed record FrontendTls(FrontendValidation? Default, ValueList<PortFrontendValidation> PerPort)
{
    /// <summary>The validation that applies to HTTPS listeners on <paramref name="port"/>, or null.</summary>
    public FrontendValidation? For(int port) =>
        PerPort.FirstOrDefault(p => p.Port == port) is { } own ? own.Validation : Default;
}

/// <summary>CA references that client certificates must chain to, and the mode (<c>AllowValidOnly</c> or <c>AllowInsecureFallback</c>).</summary>
public sealed record FrontendValidation(ValueList<ObjectRef> CaCertificateRefs, string Mode, SourceLocation Origin) : IHasOrigin
{
    public const string AllowValidOnly = "AllowValidOnly";
    public const string AllowInsecureFallback = "AllowInsecureFallback";
}

/// <summary>The validation of one port.</summary>
public sealed record PortFrontendValidation(int Port, FrontendValidation? Validation);
