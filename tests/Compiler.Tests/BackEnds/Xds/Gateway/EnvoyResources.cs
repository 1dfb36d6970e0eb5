using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using Envoy.Config.Listener.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Meshc.Compiler.BackEnds.Xds;
using Meshc.EnvoyApi;
using Meshc.EnvoyApi.Validation;

namespace Meshc.Compiler.Tests.BackEnds.Xds.Gateway;

/// <summary>Reads and checks the Envoy resources of a translated CEC.</summary>
internal static class EnvoyResources
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The message as EnvoyJson formats it, without the formatter's spaces, so expected JSON reads compactly.</summary>
    public static string Json(IMessage message) => JsonNode.Parse(EnvoyJson.Format(message))!.ToJsonString(Compact);

    public static Listener Listener(CecModel cec) => cec.Resources.OfType<Listener>().Single();

    public static RouteConfiguration RouteConfig(CecModel cec, string name) =>
        cec.Resources.OfType<RouteConfiguration>().Single(r => r.Name == name);

    public static IReadOnlyList<Cluster> Clusters(CecModel cec) => cec.Resources.OfType<Cluster>().ToList();

    public static HttpConnectionManager Hcm(FilterChain chain) =>
        chain.Filters.Single().TypedConfig.Unpack<HttpConnectionManager>();

    /// <summary>
    /// Asserts that every resource passes Envoy's PGV rules once the agent has done its part: the operator leaves the
    /// RDS config source to the agent (Cilium's parser sets it), so it is filled in on a copy before checking.
    /// </summary>
    public static void AssertValid(CecModel cec)
    {
        foreach (var resource in cec.Resources)
        {
            var violations = PgvValidator.Validate(AsAgentCompletes(resource));
            Assert.True(violations.Count == 0, $"{resource.Descriptor.Name}: {string.Join("; ", violations)}");
        }
    }

    private static IMessage AsAgentCompletes(IMessage resource)
    {
        if (resource is not Listener listener) return resource;
        var copy = listener.Clone();
        foreach (var filter in copy.FilterChains.SelectMany(c => c.Filters))
        {
            var hcm = filter.TypedConfig.Unpack<HttpConnectionManager>();
            hcm.Rds.ConfigSource = new ConfigSource { Ads = new AggregatedConfigSource(), ResourceApiVersion = ApiVersion.V3 };
            filter.TypedConfig = Google.Protobuf.WellKnownTypes.Any.Pack(hcm);
        }
        return copy;
    }
}
