using System.Globalization;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.BackEnds.Xds.Agent;

/// <summary>
/// The backends of one Service as Cilium's agent sees them: each Service port maps to the EndpointSlice port of the
/// same name (its resolved targetPort), and each endpoint address to one backend. Ready endpoints are active;
/// serving-and-terminating ones are used only when the Service has no active endpoint at all; others are skipped.
/// UDP and SCTP ports are dropped (Envoy here proxies TCP only).
/// </summary>
internal sealed class ServiceBackends
{
    /// <summary>The port key that stands for every port of the Service.</summary>
    public const string AnyPort = "*";

    private readonly IReadOnlyList<ServicePort> _ports;
    private readonly IReadOnlyList<EndpointSet> _slices;
    private readonly bool _hasActive;

    /// <summary>The backends of <paramref name="service"/> (null: not in the input, so none) from its EndpointSlices.</summary>
    public ServiceBackends(Service? service, IReadOnlyList<EndpointSet> slices)
    {
        _ports = service?.Ports.Where(p => IsTcp(p.Protocol)).ToList() ?? [];
        _slices = slices;
        _hasActive = slices.Any(s => s.Endpoints.Any(e => e.Ready));
    }

    /// <summary>The Service's TCP port numbers as port keys.</summary>
    public IEnumerable<string> PortNumbers => _ports.Select(p => p.Port.ToString(CultureInfo.InvariantCulture));

    /// <summary>Backend addresses for a port key (a number, a port name, or <see cref="AnyPort"/>), sorted and distinct.</summary>
    public IReadOnlyList<(string Address, int Port)> For(string portKey)
    {
        var matched = _ports.Where(p => portKey == AnyPort || (!string.IsNullOrEmpty(p.Name) && p.Name == portKey) ||
                                        p.Port.ToString(CultureInfo.InvariantCulture) == portKey);
        var backends = new SortedDictionary<string, (string, int)>(StringComparer.Ordinal);
        foreach (var servicePort in matched)
        foreach (var slice in _slices)
        foreach (var slicePort in slice.Ports.Where(p => IsTcp(p.Protocol) && (p.Name ?? "") == (servicePort.Name ?? "")))
        foreach (var endpoint in slice.Endpoints.Where(Usable))
        foreach (var address in endpoint.Addresses)
            backends[Key(address, slicePort.Port)] = (address, slicePort.Port);
        return [.. backends.Values];
    }

    private bool Usable(Endpoint e) => e.Ready || (!_hasActive && e.Serving && e.Terminating);

    private static bool IsTcp(string protocol) => protocol is "" or "TCP";

    private static string Key(string address, int port) =>
        address.Contains(':') ? $"[{address}]:{port}" : $"{address}:{port}";
}
