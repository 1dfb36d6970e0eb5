using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Passes;

/// <summary>
/// Accepts the GatewayClasses of our controller (with the features meshc supports) and decides which Gateways are
/// ours: a Gateway whose class is missing is ignored with a warning; one whose class belongs to another controller
/// is left to that controller (an info, and no status from us).
/// </summary>
internal sealed class CheckGatewayClasses : IPass
{
    public void Run(PassContext context)
    {
        var controller = context.Options.ControllerName;
        foreach (var gatewayClass in context.Model.GatewayClasses.Where(c => c.ControllerName == controller))
        {
            var accepted = Condition.True(ConditionType.Accepted, ConditionReason.Accepted,
                $"accepted by {controller}", gatewayClass.Meta.Generation);
            context.Status.Set(new GatewayClassStatus(gatewayClass.Key, ValueList.Of(accepted), SupportedFeatures.All));
        }

        foreach (var gateway in context.Model.Gateways)
        {
            var gatewayClass = context.Index.FindGatewayClass(gateway.ClassName);
            if (gatewayClass is null)
            {
                var hint = Spelling.DidYouMean(gateway.ClassName, context.Model.GatewayClasses.Select(c => c.Meta.Name));
                context.Diagnostics.ReportGatewayClassNotFound(gateway.Meta.Origin, gateway.Key.QualifiedName, gateway.ClassName, hint);
            }
            else if (gatewayClass.ControllerName != controller)
            {
                context.Diagnostics.ReportGatewayClassOtherController(gateway.Meta.Origin, gateway.ClassName,
                    gatewayClass.ControllerName, gateway.Key.QualifiedName);
            }
            else
            {
                context.Gateways.Add(gateway);
            }
        }
    }
}
