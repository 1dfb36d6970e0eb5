using System.Net;
using System.Net.Sockets;

namespace Meshc.Runtime.Tests.Conformance;

/// <summary>Serving on the Gateways' addresses at fixed ports: a port someone else holds makes the start move on to another offset.</summary>
public sealed class AddressedProxyTests
{
    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task StartAsync_PortHeldAtFirstOffset_ServesAtTheNextOffset()
    {
        var (_, snapshot) = ConformanceRun.Compile(ConformanceManifests.Load("gateway-optional-address-value"));
        var binding = Assert.Single(snapshot.Bindings, b => b.Name == "gateway-without-address-value");
        var port = Assert.Single(binding.Ports);

        // Hold the Gateway's port at the first offset (trying a few, in case one is already someone else's).
        TcpListener? holder = null;
        var first = 0;
        for (var candidate = 13_000; holder is null && candidate < 13_100; candidate += 7)
        {
            try
            {
                var listener = new TcpListener(binding.Address, port + candidate);
                listener.Start();
                (holder, first) = (listener, candidate);
            }
            catch (SocketException)
            {
            }
        }
        Assert.True(holder is not null, "no free port to hold");
        try
        {
            await using var proxy = await AddressedProxy.StartAsync(snapshot, [first, first + 1_001, first + 2_003]);
            var socket = Assert.Single(proxy.Sockets, s => s.Binding?.Name == binding.Name);
            Assert.Equal(binding.Address, socket.EndPoint.Address);
            Assert.NotEqual(port + first, socket.EndPoint.Port);
        }
        finally
        {
            holder!.Stop();
        }
    }
}
