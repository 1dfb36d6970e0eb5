using System.Net;
using Meshc.Runtime.Model;
using Meshc.Runtime.Proxy;

namespace Meshc.Runtime.Tests.Conformance;

/// <summary>
/// Starts the proxy as <c>meshc run</c> does without <c>--bind</c>: each Gateway on the loopback address the compiler
/// assigned it (127.0.100.x or an input pool's), at its listener ports plus a port offset. The ports are fixed, not
/// ephemeral, so another test or another program may hold one: the offset is drawn at random and a start that fails
/// because an address is in use is tried again with another.
/// </summary>
internal static class AddressedProxy
{
    // Every port stays below Linux's ephemeral range (32768+) so connections made by others cannot take it: Gateway
    // ports (80, 443, 8080, …) and the proxy ports of listeners without an address (10000 + a few) plus the offset.
    private const int LowestOffset = 12_000;
    private const int HighestOffset = 22_000;
    private const int Attempts = 6;

    public static Task<ProxyHost> StartAsync(RuntimeSnapshot snapshot) =>
        StartAsync(snapshot, Enumerable.Range(0, Attempts).Select(_ => Random.Shared.Next(LowestOffset, HighestOffset)));

    /// <summary>Starts on the first of <paramref name="offsets"/> at which every socket can be bound.</summary>
    public static async Task<ProxyHost> StartAsync(RuntimeSnapshot snapshot, IEnumerable<int> offsets)
    {
        var failures = new List<string>();
        foreach (var offset in offsets)
        {
            try
            {
                return await ProxyHost.StartAsync(snapshot, new ProxyOptions(IPAddress.Loopback, offset, AdminPort: null) { UseBindings = true });
            }
            catch (Exception e) when (InUse(e))
            {
                failures.Add($"offset {offset}: {e.Message}");
            }
        }
        throw new InvalidOperationException($"no port offset was free after {failures.Count} attempts:\n{string.Join("\n", failures)}");
    }

    private static bool InUse(Exception e) =>
        e is Microsoft.AspNetCore.Connections.AddressInUseException || (e.InnerException is { } inner && InUse(inner));
}
