namespace Meshc.Compiler.Passes;

/// <summary>
/// Gives every listener name of a Gateway of ours its facts; a repeated name is an error and the repeat is dropped
/// (status lists listeners by name, so it could not even be reported).
/// </summary>
internal sealed class CheckListenerNames : IPass
{
    public void Run(PassContext context)
    {
        foreach (var facts in context.Gateways.All)
        foreach (var listener in facts.Gateway.Listeners)
        {
            if (facts.FindListener(listener.Name) is null)
            {
                facts.Listeners.Add(new ListenerFacts(listener));
                continue;
            }
            context.Diagnostics.ReportDuplicateListenerName(listener.Origin, facts.Gateway.Key.QualifiedName, listener.Name);
        }
    }
}
