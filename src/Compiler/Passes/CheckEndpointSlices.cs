using Meshc.Compiler.Ir;

namespace Meshc.Compiler.Passes;

/// <summary>
/// An EndpointSlice whose Service (its <c>kubernetes.io/service-name</c> label) is not in the input feeds nothing:
/// usually a Service left out of the input or a renamed one. A warning, because the slice does no harm.
/// </summary>
internal sealed class CheckEndpointSlices : IPass
{
    public void Run(PassContext context)
    {
        foreach (var slice in context.Model.EndpointSlices)
        {
            if (context.Index.FindService(slice.Meta.Namespace, slice.ServiceName) is not null) continue;
            context.Diagnostics.ReportEndpointSliceOrphan(slice.Meta.Origin, slice.Key.QualifiedName,
                $"{slice.Meta.Namespace}/{slice.ServiceName}",
                Text.Spelling.DidYouMean(slice.ServiceName, context.Index.ServiceNames(slice.Meta.Namespace)));
        }
    }
}
