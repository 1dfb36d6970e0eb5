using System.Text;
using Envoy.Config.Core.V3;

namespace Meshc.Compiler.BackEnds.Xds;

/// <summary>
/// Where the xDS part of a bundle lives and how Envoy finds it. Config sources are <c>path_config_source</c>s with
/// paths relative to the bundle root, so Envoy must be started from the bundle folder
/// (<c>cd bundle &amp;&amp; envoy -c envoy/bootstrap.yaml</c>). Envoy's file subscriptions hand it every resource of
/// a file, and an RDS, EDS or SDS subscription rejects a file holding more than one resource ("Unexpected RDS
/// resource length"), so each route configuration, load assignment and secret also gets a file of its own; the
/// per-type files (<c>xds/routes.json</c>, <c>xds/endpoints.json</c>) hold the whole snapshot for people and tools.
/// </summary>
public static class XdsFiles
{
    /// <summary>LDS: every listener.</summary>
    public const string Listeners = "xds/listeners.json";
    /// <summary>CDS: every cluster.</summary>
    public const string Clusters = "xds/clusters.json";
    /// <summary>Every route configuration (Envoy reads the per-configuration files).</summary>
    public const string Routes = "xds/routes.json";
    /// <summary>Every load assignment (Envoy reads the per-assignment files).</summary>
    public const string Endpoints = "xds/endpoints.json";
    /// <summary>Listener ports and redirected Services, for the BPF back end.</summary>
    public const string Redirects = "xds/redirects.json";
    /// <summary>What Envoy is started with.</summary>
    public const string Bootstrap = "envoy/bootstrap.yaml";

    /// <summary>The file an HCM's RDS subscription reads for route configuration <paramref name="name"/>.</summary>
    public static string Route(string name) => $"xds/routes/{FileName(name)}.json";

    /// <summary>The file an EDS cluster reads for service name <paramref name="name"/>.</summary>
    public static string Endpoint(string name) => $"xds/endpoints/{FileName(name)}.json";

    /// <summary>The file an SDS secret config reads for secret <paramref name="name"/>.</summary>
    public static string Secret(string name) => $"xds/secrets/{FileName(name)}.json";

    /// <summary>A V3 config source that reads <paramref name="path"/> (relative to the bundle root).</summary>
    public static ConfigSource Source(string path) => new()
    {
        PathConfigSource = new PathConfigSource { Path = path },
        ResourceApiVersion = ApiVersion.V3,
    };

    /// <summary>
    /// A resource name as a file name: bytes outside <c>[a-z0-9._-]</c> are percent-encoded, so names with '/' or ':'
    /// stay one path segment, names that differ only in case do not collide on case-insensitive file systems, and
    /// the name can be read back from the file name.
    /// </summary>
    public static string FileName(string name)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            if (b is >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9' or (byte)'.' or (byte)'_' or (byte)'-')
                sb.Append((char)b);
            else
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
