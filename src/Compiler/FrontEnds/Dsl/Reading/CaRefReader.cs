using Meshc.Compiler.FrontEnds.Dsl.Syntax;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.FrontEnds.Dsl.Reading;

/// <summary>
/// Reads a list of CA certificate references: a ConfigMap by default, a Secret when the name follows <c>secret</c>,
/// optionally qualified as <c>namespace/name</c>. Validation of what they point at is the shared passes' job.
/// <code>
/// ca NAME, secret NAME, infra/NAME, …
/// </code>
/// </summary>
internal static class CaRefReader
{
    public static ValueList<ObjectRef> Read(MeshParser.CaListContext? list, DslContext context) =>
        list is null ? ValueList<ObjectRef>.Empty : list.caRef().Select(r => Read(r, context)).ToValueList();

    public static ObjectRef Read(MeshParser.CaRefContext r, DslContext context)
    {
        var (ns, name) = DslContext.Reference(DslContext.Text(r.name()));
        return new ObjectRef("", r.SECRET() is null ? "ConfigMap" : "Secret", ns, name, context.At(r));
    }
}
