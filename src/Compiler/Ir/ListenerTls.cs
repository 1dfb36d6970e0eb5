using Meshc.Compiler.Text;

namespace Meshc.Compiler.Ir;

/// <summary>A listener's TLS settings: Terminate or Passthrough, and the certificate references.</summary>
public sealed record ListenerTls(string Mode, ValueList<ObjectRef> CertificateRefs, SourceLocation Origin) : IHasOrigin;
