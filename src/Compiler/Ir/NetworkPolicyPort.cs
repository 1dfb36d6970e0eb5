using Meshc.Compiler.Text;

namespace Meshc.Compiler.Ir;

/// <summary>
/// One <c>toPorts[].ports[]</c> entry with the L7 rules of its <c>toPorts</c> block: port 0 is any port, an
/// <see cref="EndPort"/> above the port makes a range, and the protocol is TCP, UDP, SCTP or ANY.
/// </summary>
public sealed record NetworkPolicyPort(int Port, int EndPort, string Protocol, ValueList<NetworkPolicyHttpRule> Http, SourceLocation Origin) : IHasOrigin
{
    /// <summary>The last port the entry covers (the port itself when it is not a range).</summary>
    public int LastPort => EndPort > Port ? EndPort : Port;
}
