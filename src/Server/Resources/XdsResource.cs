using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Meshc.Server.Resources;

/// <summary>
/// One resource as it is served: its name, its packed body and its version, a hash of the body's bytes (the same
/// resource always has the same version, so a client that has it is never sent it again). Shared by every node that
/// sees it.
/// </summary>
public sealed class XdsResource
{
    public XdsResource(string name, IMessage message)
    {
        Name = name;
        Message = message;
        Body = Any.Pack(message);
        Version = ContentVersion.Of(Body.Value);
    }

    public string Name { get; }

    /// <summary>The typed message (the server reads references from it; clients get <see cref="Body"/>).</summary>
    public IMessage Message { get; }

    public Any Body { get; }

    public string Version { get; }

    public override string ToString() => $"{Name}@{Version}";
}
