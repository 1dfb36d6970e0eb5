using Meshc.Compiler.FrontEnds.Dsl.Syntax;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.FrontEnds.Dsl.Reading;

/// <summary>
/// Reads a secret: only that it exists, its type and its keys, never data (the IR holds none). <c>tls</c> declares a
/// certificate and key pair (type kubernetes.io/tls, keys tls.crt and tls.key), the kind listeners refer to; <c>ca</c>
/// declares a CA bundle (key ca.crt) that client certificate validation may refer to.
/// <code>
/// secret NAME [tls] [ca] [type TYPE] [keys KEY, …] [labels …]
/// </code>
/// </summary>
internal static class SecretReader
{
    public const string TlsType = "kubernetes.io/tls";
    public static readonly string[] TlsKeys = ["tls.crt", "tls.key"];

    public static Secret Read(MeshParser.SecretStatementContext s, DslContext context)
    {
        var (ns, name) = context.Qualified(s.name());
        string? type = null;
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        var tls = false;
        var ca = false;
        var metadata = new List<MeshParser.MetadataClauseContext>();
        foreach (var clause in s.secretClause())
        {
            switch (clause)
            {
                case MeshParser.SecretTypeClauseContext t: type = DslContext.Text(t.name()); break;
                case MeshParser.SecretKeysClauseContext k: keys.UnionWith(k.value().Select(DslContext.Text)); break;
                case MeshParser.SecretTlsClauseContext: tls = true; break;
                case MeshParser.SecretCaClauseContext: ca = true; break;
                case MeshParser.SecretMetadataContext m: metadata.Add(m.metadataClause()); break;
            }
        }
        if (tls) keys.UnionWith(TlsKeys);
        if (ca) keys.Add(ConfigMapReader.CaKey);
        return new Secret(context.Meta(ns, name, metadata, s), type ?? (tls ? TlsType : "Opaque"), keys.ToValueList(), tls) { HasCaCertificate = ca };
    }
}
