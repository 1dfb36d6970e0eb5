using System.Text.Json;
using Envoy.Service.Discovery.V3;
using Google.Protobuf;
using Meshc.Compiler.Bundle;
using Meshc.EnvoyApi;
using Meshc.Xds.V1;

namespace Meshc.Server.Resources;

/// <summary>
/// Reads the resources of a compiled bundle (the same <c>xds/</c> files <c>meshc run</c> and a file-fed Envoy load)
/// into a <see cref="ResourceSet"/>: listeners, route configurations, clusters and load assignments in their ADS form,
/// the address bindings of <c>xds/redirects.json</c>, and the API listeners of the redirected Services.
/// </summary>
public static class BundleResources
{
    public const string Listeners = "xds/listeners.json";
    public const string Routes = "xds/routes.json";
    public const string Clusters = "xds/clusters.json";
    public const string Endpoints = "xds/endpoints.json";
    public const string Redirects = "xds/redirects.json";

    public static ResourceSet From(CompiledBundle bundle) =>
        From(bundle.Id, path => bundle.Find(path) is { } file ? System.Text.Encoding.UTF8.GetString(file.Content) : null);

    /// <summary>Reads the files through <paramref name="read"/> (null: no such file).</summary>
    public static ResourceSet From(string bundleId, Func<string, string?> read)
    {
        var listeners = Read(read(Listeners), ResourceTypes.Listener);
        var routes = Read(read(Routes), ResourceTypes.Route);
        var clusters = Read(read(Clusters), ResourceTypes.Cluster);
        var endpoints = Read(read(Endpoints), ResourceTypes.Endpoints);
        var (bindings, services) = ReadRedirects(read(Redirects));

        var allListeners = new Dictionary<string, XdsResource>(listeners, StringComparer.Ordinal);
        var allRoutes = new Dictionary<string, XdsResource>(routes, StringComparer.Ordinal);
        var api = new Dictionary<string, string>(StringComparer.Ordinal);
        // A resource of the bundle with the same name wins: its subscribers must keep getting it.
        foreach (var a in ApiListeners.Build(services, listeners, routes))
        {
            if (allListeners.ContainsKey(a.Listener.Name) || allRoutes.ContainsKey(a.Route.Name)) continue;
            allListeners[a.Listener.Name] = a.Listener;
            allRoutes[a.Route.Name] = a.Route;
            api[a.Listener.Name] = a.SourceRoute;
        }

        var bindingResources = bindings.ToDictionary(b => b.Resource.Name, b => b.Resource, StringComparer.Ordinal);
        var byType = new Dictionary<string, IReadOnlyDictionary<string, XdsResource>>
        {
            [ResourceTypes.Listener] = allListeners,
            [ResourceTypes.Route] = allRoutes,
            [ResourceTypes.Cluster] = clusters,
            [ResourceTypes.Endpoints] = endpoints,
            [ResourceTypes.Binding] = bindingResources,
        };
        return new ResourceSet(bundleId, byType, api, [.. bindings.Select(b => b.Entry)]);
    }

    private static Dictionary<string, XdsResource> Read(string? json, string typeUrl)
    {
        var result = new Dictionary<string, XdsResource>(StringComparer.Ordinal);
        if (json is null) return result;
        var descriptor = EnvoyTypes.FindMessage(typeUrl) ?? throw new InvalidOperationException($"unknown type {typeUrl}");
        foreach (var any in EnvoyJson.Parse<DiscoveryResponse>(json).Resources)
        {
            var message = descriptor.Parser.ParseFrom(any.Value);
            AdsForm.Apply(message);
            var name = NameOf(message);
            result[name] = new XdsResource(name, message);
        }
        return result;
    }

    /// <summary>The resource name: <c>name</c>, or a load assignment's <c>cluster_name</c>.</summary>
    public static string NameOf(IMessage message) =>
        message is Envoy.Config.Endpoint.V3.ClusterLoadAssignment cla ? cla.ClusterName
        : (string)message.Descriptor.FindFieldByName("name").Accessor.GetValue(message);

    private static (List<(BindingEntry Entry, XdsResource Resource)>, List<ApiListeners.RedirectedService>) ReadRedirects(string? json)
    {
        var bindings = new List<(BindingEntry, XdsResource)>();
        var services = new List<ApiListeners.RedirectedService>();
        if (json is null) return (bindings, services);
        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.TryGetProperty("bindings", out var list))
        {
            foreach (var b in list.EnumerateArray())
            {
                var entry = new BindingEntry(b.GetProperty("kind").GetString()!, b.GetProperty("namespace").GetString()!,
                    b.GetProperty("name").GetString()!, b.GetProperty("listener").GetString()!);
                var message = new AddressBinding
                {
                    Name = $"{entry.Kind}/{entry.Namespace}/{entry.Name}",
                    Kind = entry.Kind,
                    Namespace = entry.Namespace,
                    ObjectName = entry.Name,
                    Address = b.GetProperty("address").GetString()!,
                    Listener = entry.Listener,
                };
                message.Ports.AddRange(b.GetProperty("ports").EnumerateArray().Select(p => (uint)p.GetInt32()));
                bindings.Add((entry, new XdsResource(message.Name, message)));
            }
        }
        if (doc.RootElement.TryGetProperty("services", out var redirected))
        {
            foreach (var s in redirected.EnumerateArray())
                services.Add(new ApiListeners.RedirectedService(s.GetProperty("namespace").GetString()!, s.GetProperty("name").GetString()!,
                    [.. s.GetProperty("ports").EnumerateArray().Select(p => p.GetInt32())], s.GetProperty("listener").GetString()!));
        }
        return (bindings, services);
    }
}
