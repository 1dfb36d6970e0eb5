using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Envoy.Service.Discovery.V3;
using Meshc.Compiler.Bundle;
using Meshc.EnvoyApi;
using Meshc.Xds.V1;

namespace Meshc.Runtime.Xds;

/// <summary>
/// Lays what arrived over ADS out as the files of a bundle (<c>xds/listeners.json</c>, <c>routes.json</c>,
/// <c>clusters.json</c>, <c>endpoints.json</c>, the bindings of <c>xds/redirects.json</c>, and the <c>bundle.json</c>
/// that lists them), so the proxy verifies and builds its snapshot with the very code that does it for a bundle folder
/// (<c>VerifiedBundle.FromFiles</c>). The same configuration always gives the same files, hence the same bundle id.
/// </summary>
public static class AdsBundle
{
    public static IReadOnlyDictionary<string, byte[]> Files(XdsResources resources)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["xds/listeners.json"] = Discovery(resources, XdsTypes.Listener),
            ["xds/routes.json"] = Discovery(resources, XdsTypes.Route),
            ["xds/clusters.json"] = Discovery(resources, XdsTypes.Cluster),
            ["xds/endpoints.json"] = Discovery(resources, XdsTypes.Endpoints),
            ["xds/redirects.json"] = Redirects(resources),
        };
        var artifacts = files.Select(f => new BundleArtifact(f.Key, Convert.ToHexStringLower(SHA256.HashData(f.Value)), f.Value.Length)).ToList();
        var manifest = new BundleManifest(BundleManifest.CurrentFormatVersion, BundleManifest.ComputeId(artifacts.Select(a => (a.Path, a.Sha256))),
            "meshc-xds", "1", [], artifacts);
        files[BundleManifest.FileName] = manifest.ToJson();
        return files;
    }

    private static byte[] Discovery(XdsResources resources, string typeUrl)
    {
        var of = resources.Of(typeUrl);
        var response = new DiscoveryResponse { TypeUrl = typeUrl, VersionInfo = of?.Version ?? "" };
        foreach (var (_, (body, _)) in (of?.Resources ?? new Dictionary<string, (Google.Protobuf.WellKnownTypes.Any, Google.Protobuf.IMessage)>())
                 .OrderBy(kv => kv.Key, StringComparer.Ordinal))
            response.Resources.Add(body);
        return System.Text.Encoding.UTF8.GetBytes(EnvoyJson.FormatIndented(response) + "\n");
    }

    private static byte[] Redirects(XdsResources resources)
    {
        var bindings = new JsonArray();
        foreach (var (_, (_, message)) in (resources.Of(XdsTypes.Binding)?.Resources ?? new Dictionary<string, (Google.Protobuf.WellKnownTypes.Any, Google.Protobuf.IMessage)>())
                 .OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var b = (AddressBinding)message;
            bindings.Add(new JsonObject
            {
                ["kind"] = b.Kind,
                ["namespace"] = b.Namespace,
                ["name"] = b.ObjectName,
                ["address"] = b.Address,
                ["ports"] = new JsonArray([.. b.Ports.Select(p => (JsonNode)(int)p)]),
                ["listener"] = b.Listener,
            });
        }
        return System.Text.Encoding.UTF8.GetBytes(new JsonObject { ["bindings"] = bindings }.ToJsonString() + "\n");
    }
}
