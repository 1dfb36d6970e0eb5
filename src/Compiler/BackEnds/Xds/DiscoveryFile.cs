using System.Text;
using Envoy.Service.Discovery.V3;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Meshc.Compiler.Text;
using Meshc.EnvoyApi;

namespace Meshc.Compiler.BackEnds.Xds;

/// <summary>
/// One xDS file as Envoy's file subscriptions read it: a <c>DiscoveryResponse</c> in JSON whose resources are
/// <c>Any</c>s with an <c>"@type"</c>, in the order given (callers sort by name). <c>version_info</c> is a hash of
/// the resources, so it changes exactly when they do (Envoy shows it in its stats and config dump).
/// </summary>
internal static class DiscoveryFile
{
    /// <summary>The file's text: indented JSON ending in a newline.</summary>
    public static string Write(string typeUrl, IEnumerable<IMessage> resources)
    {
        var response = new DiscoveryResponse { TypeUrl = typeUrl };
        var canonical = new StringBuilder();
        foreach (var resource in resources)
        {
            response.Resources.Add(Any.Pack(resource));
            canonical.Append(EnvoyJson.Format(resource)).Append('\n');
        }
        response.VersionInfo = Hashing.Sha256Hex(Encoding.UTF8.GetBytes(canonical.ToString()))[..16];
        return EnvoyJson.FormatIndented(response) + "\n";
    }
}
