using Envoy.Config.Core.V3;
using Envoy.Config.Listener.V3;
using Meshc.Compiler.BackEnds.Xds.Agent;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Text;
using Meshc.EnvoyApi;

namespace Meshc.Compiler.Tests.BackEnds.Xds.Agent;

public sealed class ProxyPortAllocatorTests
{
    private static AgentResource Resource(string name, uint? port = null, bool isInternal = false)
    {
        var listener = new Listener { Name = name };
        if (port is { } p) listener.Address = new Address { SocketAddress = new SocketAddress { Address = "0.0.0.0", PortValue = p } };
        if (isInternal) listener.InternalListener = new Listener.Types.InternalListenerConfig();
        return new AgentResource(EnvoyTypeUrls.Listener, name, listener, null, SourceLocation.None);
    }

    [Fact]
    public void Assign_ListenersWithoutAddress_GetPortsInNameOrderSkippingTakenOnes()
    {
        var listeners = new[] { Resource("b"), Resource("a"), Resource("fixed", port: 10001), Resource("tunnel", isInternal: true) };

        var ports = ProxyPortAllocator.Assign(listeners, 10000, new DiagnosticBag());

        Assert.Equal(
            [("a", 10000, true), ("b", 10002, true), ("fixed", 10001, false)],
            ports.Select(p => (p.Listener, p.Port, p.Allocated)));
        Assert.Equal("127.0.0.1", ((Listener)listeners[1].Message).Address.SocketAddress.Address);
        Assert.Null(((Listener)listeners[3].Message).Address);
    }

    [Fact]
    public void Assign_RangeUsedUp_ReportsMC0430()
    {
        var diagnostics = new DiagnosticBag();

        var ports = ProxyPortAllocator.Assign([Resource("a"), Resource("b")], 65535, diagnostics);

        Assert.Single(ports);
        var d = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal(DiagnosticCatalog.ProxyPortsExhausted.Code, d.Code);
        Assert.Contains("'b'", d.Message);
    }
}
