namespace Meshc.Server.Tests.Support;

/// <summary>A test that runs an xDS client written in JavaScript: skipped, with the reason, when node or the npm packages are missing.</summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (NodeProcess.Missing is { } reason) Skip = reason;
    }
}
