using System.Text.Json;
using System.Text.Json.Nodes;
using Envoy.Service.Discovery.V3;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Meshc.EnvoyApi;
using Meshc.Runtime.Model;

namespace Meshc.Runtime.Admin;

/// <summary>
/// <c>/config_dump</c> in Envoy's <c>envoy.admin.v3.ConfigDump</c> JSON shape (snake_case field names, as Envoy prints it):
/// a BootstrapConfigDump, then the bundle's listeners, clusters and routes as dynamic (xDS-delivered) resources, each
/// with the <c>version_info</c> of its discovery file and <c>last_updated</c> = when the snapshot was swapped in; the
/// EndpointsConfigDump only with <c>?include_eds</c>, as in Envoy. meshc's own facts are not here but at <c>/meshc/bundle</c>.
/// </summary>
public static class ConfigDump
{
    private const string AdminType = EnvoyTypes.TypeUrlPrefix + "envoy.admin.v3.";

    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default
        .WithTypeRegistry(EnvoyTypes.TypeRegistry)
        .WithPreserveProtoFieldNames(true));

    public static string Build(RuntimeSnapshot snapshot, DateTimeOffset loadedAt, bool includeEds)
    {
        var updated = Timestamp.FromDateTimeOffset(loadedAt).ToString().Trim('"');
        JsonArray Resources(string file, Func<string, JsonNode, JsonObject> entry)
        {
            var list = new JsonArray();
            if (!snapshot.XdsJson.TryGetValue(file, out var json)) return list;
            var response = EnvoyJson.Parse<DiscoveryResponse>(json);
            foreach (var any in response.Resources)
            {
                var resource = JsonNode.Parse(Formatter.Format(any))!;
                var e = entry(response.VersionInfo, resource);
                list.Add(e);
            }
            return list;
        }

        var configs = new JsonArray
        {
            new JsonObject
            {
                ["@type"] = AdminType + "BootstrapConfigDump",
                ["bootstrap"] = new JsonObject { ["node"] = new JsonObject { ["id"] = "meshc", ["cluster"] = "meshc" } },
                ["last_updated"] = updated,
            },
            new JsonObject
            {
                ["@type"] = AdminType + "ClustersConfigDump",
                ["version_info"] = Version(snapshot, "clusters.json"),
                ["dynamic_active_clusters"] = Resources("clusters.json", (v, r) => new JsonObject
                {
                    ["version_info"] = v, ["cluster"] = r, ["last_updated"] = updated,
                }),
            },
            new JsonObject
            {
                ["@type"] = AdminType + "ListenersConfigDump",
                ["version_info"] = Version(snapshot, "listeners.json"),
                ["dynamic_listeners"] = Resources("listeners.json", (v, r) => new JsonObject
                {
                    ["name"] = r["name"]?.GetValue<string>(),
                    ["active_state"] = new JsonObject { ["version_info"] = v, ["listener"] = r, ["last_updated"] = updated },
                }),
            },
            new JsonObject
            {
                ["@type"] = AdminType + "RoutesConfigDump",
                ["dynamic_route_configs"] = Resources("routes.json", (v, r) => new JsonObject
                {
                    ["version_info"] = v, ["route_config"] = r, ["last_updated"] = updated,
                }),
            },
        };
        if (includeEds)
        {
            configs.Add(new JsonObject
            {
                ["@type"] = AdminType + "EndpointsConfigDump",
                ["dynamic_endpoint_configs"] = Resources("endpoints.json", (v, r) => new JsonObject
                {
                    ["version_info"] = v, ["endpoint_config"] = r, ["last_updated"] = updated,
                }),
            });
        }
        configs.Add(Secrets(snapshot, updated));
        return new JsonObject { ["configs"] = configs }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>
    /// The SDS secrets in use, as Envoy's SecretsConfigDump shows them: certificates in full, private keys replaced by
    /// <c>[redacted]</c>, CA bundles as trusted_ca. No key byte ever leaves the process through the admin port.
    /// </summary>
    private static JsonObject Secrets(RuntimeSnapshot snapshot, string? updated)
    {
        var secrets = new JsonArray();
        foreach (var name in snapshot.Tls.Names)
        {
            var secret = new JsonObject { ["@type"] = "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.Secret", ["name"] = name };
            if (snapshot.Tls.Certificate(name) is { } certificate)
                secret["tls_certificate"] = new JsonObject
                {
                    ["certificate_chain"] = new JsonObject { ["inline_string"] = certificate.Certificate.ExportCertificatePem() },
                    ["private_key"] = new JsonObject { ["inline_string"] = "[redacted]" },
                };
            else if (snapshot.Tls.Authority(name) is { } authority)
                secret["validation_context"] = new JsonObject
                {
                    ["trusted_ca"] = new JsonObject { ["inline_string"] = string.Join("", authority.Select(c => c.ExportCertificatePem() + "\n")) },
                };
            secrets.Add(new JsonObject { ["name"] = name, ["version_info"] = snapshot.SecretsFingerprint, ["last_updated"] = updated, ["secret"] = secret });
        }
        return new JsonObject { ["@type"] = AdminType + "SecretsConfigDump", ["dynamic_active_secrets"] = secrets };
    }

    private static string? Version(RuntimeSnapshot snapshot, string file) =>
        snapshot.XdsJson.TryGetValue(file, out var json) ? EnvoyJson.Parse<DiscoveryResponse>(json).VersionInfo : null;
}
