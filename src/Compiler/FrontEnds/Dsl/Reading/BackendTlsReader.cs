using Meshc.Compiler.FrontEnds.Dsl.Syntax;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.FrontEnds.Dsl.Reading;

/// <summary>
/// Reads a backend TLS policy (a BackendTLSPolicy): the Services (optionally one named port each) whose connections
/// use TLS, the hostname sent as SNI and checked in the certificate, and the CAs to trust — config maps, or
/// <c>ca system</c> for the well-known system CAs. <c>san</c> lists subjectAltNames to match instead of the hostname:
/// a value with <c>://</c> is a URI, anything else a hostname.
/// <code>
/// backend-tls NAME target SERVICE [port PORT-NAME], … host HOSTNAME (ca CONFIG-MAP, … | ca system) [san NAME, …] [labels …]
/// </code>
/// </summary>
internal static class BackendTlsReader
{
    public const string SystemCas = "System";

    public static BackendTlsPolicy Read(MeshParser.BackendTlsStatementContext s, DslContext context)
    {
        var (ns, name) = context.Qualified(s.name());
        var targets = new List<PolicyTargetRef>();
        var cas = new List<ObjectRef>();
        string? wellKnown = null;
        var hostname = "";
        var sans = new List<SubjectAltName>();
        var metadata = new List<MeshParser.MetadataClauseContext>();
        SourceLocation? validationAt = null;
        foreach (var clause in s.backendTlsClause())
        {
            switch (clause)
            {
                case MeshParser.BackendTlsTargetClauseContext t:
                    targets.AddRange(t.tlsTarget().Select(x => new PolicyTargetRef("", "Service", DslContext.Text(x.service),
                        x.section is { } section ? DslContext.Text(section) : null, context.At(x))));
                    break;
                case MeshParser.BackendTlsHostClauseContext h:
                    hostname = DslContext.Text(h.value());
                    validationAt ??= context.At(h);
                    break;
                case MeshParser.BackendTlsCaClauseContext c:
                    validationAt ??= context.At(c);
                    foreach (var r in c.caList().caRef())
                    {
                        // An unquoted `system` is the well-known CA set; a config map called system is written "system".
                        if (r.SECRET() is null && r.name().STRING() is null && DslContext.Text(r.name()) == "system") wellKnown = SystemCas;
                        else cas.Add(CaRefReader.Read(r, context));
                    }
                    break;
                case MeshParser.BackendTlsSanClauseContext san:
                    sans.AddRange(san.value().Select(DslContext.Text).Select(v => v.Contains("://", StringComparison.Ordinal)
                        ? new SubjectAltName("URI", v)
                        : new SubjectAltName("Hostname", v)));
                    break;
                case MeshParser.BackendTlsMetadataContext m:
                    metadata.Add(m.metadataClause());
                    break;
                default:
                    throw new InvalidOperationException($"backend-tls clause {clause.GetType().Name} has no reader");
            }
        }
        if (targets.Count == 0) context.Diagnostics.ReportDslEmptyClause(context.At(s), "backend-tls", "'target SERVICE', the Services whose connections use TLS");
        if (hostname.Length == 0) context.Diagnostics.ReportDslEmptyClause(context.At(s), "backend-tls", "'host HOSTNAME', the name sent as SNI and checked in the certificate");
        return new BackendTlsPolicy(context.Meta(ns, name, metadata, s), targets.ToValueList(), cas.ToValueList(), wellKnown, hostname,
            sans.ToValueList(), validationAt ?? context.At(s));
    }
}
