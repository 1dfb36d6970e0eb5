using System.Text.Json.Nodes;
using Envoy.Config.Bootstrap.V3;
using Envoy.Config.Core.V3;
using Meshc.EnvoyApi;

namespace Meshc.Compiler.BackEnds.Xds;

/// <summary>
/// The Envoy bootstrap of a bundle: node <c>meshc</c>, the admin interface on 127.0.0.1:9901, and listeners and
/// clusters read from the bundle's xDS files (which in turn point at the route, endpoint and secret files).
/// All paths are relative to the bundle root, so Envoy is started from the bundle folder.
/// </summary>
internal static class BootstrapBuilder
{
    /// <summary>The node id and cluster Envoy reports.</summary>
    public const string NodeName = "meshc";
    /// <summary>The admin interface's port, on 127.0.0.1 only.</summary>
    public const int AdminPort = 9901;

    private const string Header = """
        # Envoy bootstrap written by meshc. Start Envoy from the bundle folder, because every config source is a path
        # relative to it:  cd <bundle> && envoy -c envoy/bootstrap.yaml
        """;

    /// <summary>The bootstrap message.</summary>
    public static Bootstrap Build() => new()
    {
        Node = new Node { Id = NodeName, Cluster = NodeName },
        Admin = new Admin
        {
            Address = new Address { SocketAddress = new SocketAddress { Address = "127.0.0.1", PortValue = AdminPort } },
        },
        DynamicResources = new Bootstrap.Types.DynamicResources
        {
            LdsConfig = XdsFiles.Source(XdsFiles.Listeners),
            CdsConfig = XdsFiles.Source(XdsFiles.Clusters),
        },
    };

    /// <summary>The bootstrap as commented YAML.</summary>
    public static string Write(Bootstrap bootstrap) =>
        Header + "\n" + JsonYamlWriter.Write(JsonNode.Parse(EnvoyJson.Format(bootstrap))!);
}
