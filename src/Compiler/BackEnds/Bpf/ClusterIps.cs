using System.Net;
using System.Net.Sockets;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.BackEnds.Bpf;

/// <summary>
/// The IPv4 frontend address of each Service: its <c>clusterIP</c> when the input gives one; otherwise one assigned
/// from <see cref="Range"/> (10.96.0.1 upward, in Service order, skipping addresses the input uses), with an info
/// saying so. Headless Services (<c>clusterIP: None</c>) and IPv6-only ones have none.
/// </summary>
internal static class ClusterIps
{
    public const string Range = "10.96.0.0/16";
    private const uint First = 0x0A600001;
    private const uint Last = 0x0A60FFFE;

    /// <summary><paramref name="services"/> are (key, clusterIPs as written, origin), in Service order.</summary>
    public static IReadOnlyDictionary<string, uint> Assign(IReadOnlyList<(string Key, IReadOnlyList<string> Given, SourceLocation Origin)> services, DiagnosticBag diagnostics)
    {
        var result = new Dictionary<string, uint>(StringComparer.Ordinal);
        var taken = new HashSet<uint>();
        var pending = new List<(string Key, SourceLocation Origin)>();
        foreach (var (key, given, origin) in services)
        {
            if (given.Any(g => g.Equals("None", StringComparison.OrdinalIgnoreCase))) continue;
            if (given.Select(Parse).FirstOrDefault(a => a is not null) is { } address)
            {
                result[key] = address;
                taken.Add(address);
            }
            else if (given.Count == 0) pending.Add((key, origin));
        }
        var next = First;
        foreach (var (key, origin) in pending)
        {
            while (taken.Contains(next) && next <= Last) next++;
            if (next > Last) break;
            result[key] = next;
            taken.Add(next);
            diagnostics.ReportBpfClusterIpAssigned(origin, key, Format(next), Range);
        }
        return result;
    }

    public static string Format(uint address) => new IPAddress([(byte)(address >> 24), (byte)(address >> 16), (byte)(address >> 8), (byte)address]).ToString();

    public static uint? Parse(string text) =>
        IPAddress.TryParse(text, out var ip) && ip.AddressFamily == AddressFamily.InterNetwork
            ? System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(ip.GetAddressBytes())
            : null;
}
