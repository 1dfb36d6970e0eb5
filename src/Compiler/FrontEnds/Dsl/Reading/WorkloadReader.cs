using Meshc.Compiler.FrontEnds.Dsl.Syntax;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.FrontEnds.Dsl.Reading;

/// <summary>
/// Reads a workload: the pods a Deployment (or StatefulSet, DaemonSet) runs, by their labels, so Services and
/// policies can tell whom they select.
/// <code>
/// workload NAME [kind Deployment|StatefulSet|DaemonSet] pods key=value, … [replicas N] [labels …]
/// </code>
/// </summary>
internal static class WorkloadReader
{
    private static readonly string[] Kinds = ["Deployment", "StatefulSet", "DaemonSet"];

    public static Workload Read(MeshParser.WorkloadStatementContext s, DslContext context)
    {
        var (ns, name) = context.Qualified(s.name());
        var kind = "Deployment";
        var pods = new List<Label>();
        var replicas = 1;
        var metadata = new List<MeshParser.MetadataClauseContext>();
        foreach (var clause in s.workloadClause())
        {
            switch (clause)
            {
                case MeshParser.WorkloadKindClauseContext k:
                    var text = DslContext.Text(k.name());
                    if (Kinds.FirstOrDefault(x => x.Equals(text, StringComparison.OrdinalIgnoreCase)) is { } known) kind = known;
                    else context.Diagnostics.ReportDslInvalidValue(context.At(k.name()), "workload kind", text,
                        "use Deployment, StatefulSet or DaemonSet", Text.Spelling.DidYouMean(text, Kinds));
                    break;
                case MeshParser.WorkloadPodsClauseContext p:
                    pods.AddRange(MetadataReader.Labels(p.labelList()));
                    break;
                case MeshParser.WorkloadReplicasClauseContext r:
                    replicas = context.Int(r.INT().Symbol, "replicas", 0, int.MaxValue) ?? 1;
                    break;
                case MeshParser.WorkloadMetadataContext m:
                    metadata.Add(m.metadataClause());
                    break;
            }
        }
        return new Workload(context.Meta(ns, name, metadata, s), kind, pods.ToValueList(), replicas);
    }
}
