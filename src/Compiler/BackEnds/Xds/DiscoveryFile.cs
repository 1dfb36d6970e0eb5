using System.Text;
using Google.Protobuf;
using Meshc.Compiler.Text;
using Meshc.EnvoyApi;

namespace Meshc.Compiler.BackEnds.Xds;

/// <summary>
/// One xDS file as Envoy's file subscriptions read it: a <c>DiscoveryResponse</c> in JSON whose resources are
/// <c>Any</c>s with an <c>"@type"</c>, in the order given (callers sort by name). <c>version_info</c> is a hash of
/// the resources, so it changes exactly when they do (Envoy shows it in its stats and config dump).
/// </summary>
/// <remarks>
/// The envelope is written here rather than by formatting a <c>DiscoveryResponse</c> message: that would pack every
/// resource into an <c>Any</c> only for the formatter to parse it back, and each resource is formatted once
/// (<see cref="Format"/>) even when it appears in two files (the whole snapshot and its own file).
/// </remarks>
internal static class DiscoveryFile
{
    /// <summary>A resource's indented JSON, formatted once and reused by every file that lists it.</summary>
    public static string Format(IMessage resource) => EnvoyJson.FormatIndented(resource);

    /// <summary>The file's text: indented JSON ending in a newline, laid out as protobuf's indented JSON would be.</summary>
    public static string Write(string typeUrl, IReadOnlyList<string> formattedResources)
    {
        var canonical = new StringBuilder();
        foreach (var resource in formattedResources) canonical.Append(resource).Append('\n');
        var version = Hashing.Sha256Hex(Encoding.UTF8.GetBytes(canonical.ToString()))[..16];

        var file = new StringBuilder(canonical.Length + 256);
        file.Append("{\n  \"versionInfo\": \"").Append(version).Append("\",\n");
        if (formattedResources.Count > 0)
        {
            file.Append("  \"resources\": [\n");
            for (var i = 0; i < formattedResources.Count; i++)
            {
                AppendAny(file, typeUrl, formattedResources[i]);
                file.Append(i + 1 < formattedResources.Count ? ",\n" : "\n");
            }
            file.Append("  ],\n");
        }
        file.Append("  \"typeUrl\": \"").Append(typeUrl).Append("\"\n}\n");
        return file.ToString();
    }

    /// <summary>Writes <c>{ "@type": url, …fields }</c> indented four more spaces than the resource's own text.</summary>
    private static void AppendAny(StringBuilder file, string typeUrl, string resource)
    {
        file.Append("    {\n      \"@type\": \"").Append(typeUrl).Append('"');
        var lines = resource.Split('\n');
        // An empty message formats as "{ }" on one line; otherwise the first and last lines are the braces.
        if (lines.Length > 2)
        {
            file.Append(",\n");
            for (var i = 1; i < lines.Length - 1; i++)
            {
                file.Append("    ").Append(lines[i]);
                if (i < lines.Length - 2) file.Append('\n');
            }
        }
        file.Append("\n    }");
    }
}
