using Meshc.Compiler.FrontEnds.Dsl.Syntax;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.FrontEnds.Dsl.Reading;

/// <summary>
/// Reads the metadata clauses every statement may carry and builds its <see cref="ObjectMeta"/>:
/// <c>labels app=web, tier=front</c> and <c>annotations team=shop</c>.
/// </summary>
internal static class MetadataReader
{
    public static ObjectMeta Read(string @namespace, string name, IEnumerable<MeshParser.MetadataClauseContext> clauses, SourceLocation at)
    {
        var labels = new List<Label>();
        var annotations = new List<Label>();
        foreach (var clause in clauses)
        {
            switch (clause)
            {
                case MeshParser.LabelsClauseContext l: labels.AddRange(Labels(l.labelList())); break;
                case MeshParser.AnnotationsClauseContext a: annotations.AddRange(Labels(a.labelList())); break;
            }
        }
        return new ObjectMeta(name, @namespace, labels.ToValueList(), annotations.ToValueList(), 1, at);
    }

    /// <summary><c>key=value, key=value</c>; a missing part (after a syntax error) yields nothing.</summary>
    public static IEnumerable<Label> Labels(MeshParser.LabelListContext? list) =>
        list?.label().Where(l => l.value().Length == 2).Select(l => new Label(DslContext.Text(l.value(0)), DslContext.Text(l.value(1))))
        ?? [];

    public static LabelSelector Selector(MeshParser.LabelListContext? list) =>
        new(Labels(list).ToValueList(), ValueList<SelectorRequirement>.Empty);
}
