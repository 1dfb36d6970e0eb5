using System.Net;
using System.Text.Json;
using Meshc.Compiler.BackEnds.Xds;
using Meshc.Runtime.Loading;

namespace Meshc.Runtime.Model;

/// <summary>Reads the address bindings of a bundle; a bundle without <c>xds/redirects.json</c> or its <c>bindings</c> has none.</summary>
public static class AddressBindingReader
{
    public static IReadOnlyList<AddressBinding> Read(LoadedBundle bundle)
    {
        if (!bundle.Files.ContainsKey(XdsFiles.Redirects)) return [];
        using var json = JsonDocument.Parse(bundle.ReadText(XdsFiles.Redirects));
        if (!json.RootElement.TryGetProperty("bindings", out var bindings)) return [];
        return [.. bindings.EnumerateArray().Select(b => new AddressBinding(
            b.GetProperty("kind").GetString()!,
            b.GetProperty("namespace").GetString()!,
            b.GetProperty("name").GetString()!,
            IPAddress.Parse(b.GetProperty("address").GetString()!),
            [.. b.GetProperty("ports").EnumerateArray().Select(p => p.GetInt32())],
            b.GetProperty("listener").GetString()!))];
    }
}
