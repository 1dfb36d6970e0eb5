using Meshc.Compiler.FrontEnds.Dsl.Syntax;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.FrontEnds.Dsl.Reading;

/// <summary>
/// Reads a config map: that it exists and its keys, never data. <c>ca</c> declares a CA bundle (key ca.crt), what
/// backend TLS policies and client certificate validation refer to; the certificates themselves reach
/// <c>meshc run</c> through <c>--secrets</c>, as Secrets do.
/// <code>
/// config-map NAME [ca] [keys KEY, …] [labels …]
/// </code>
/// </summary>
internal static class ConfigMapReader
{
    public const string CaKey = "ca.crt";

    public static ConfigMapInfo Read(MeshParser.ConfigMapStatementContext s, DslContext context)
    {
        var (ns, name) = context.Qualified(s.name());
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        var ca = false;
        var metadata = new List<MeshParser.MetadataClauseContext>();
        foreach (var clause in s.configMapClause())
        {
            switch (clause)
            {
                case MeshParser.ConfigMapKeysClauseContext k: keys.UnionWith(k.value().Select(DslContext.Text)); break;
                case MeshParser.ConfigMapCaClauseContext: ca = true; break;
                case MeshParser.ConfigMapMetadataContext m: metadata.Add(m.metadataClause()); break;
                default: throw new InvalidOperationException($"config-map clause {clause.GetType().Name} has no reader");
            }
        }
        if (ca) keys.Add(CaKey);
        return new ConfigMapInfo(context.Meta(ns, name, metadata, s), keys.ToValueList(), ca);
    }
}
