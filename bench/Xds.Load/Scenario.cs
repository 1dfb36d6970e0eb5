using System.Globalization;
using System.Text;

namespace Meshc.Xds.Load;

/// <summary>The bench input: G Gateways, each with one HTTPRoute to its own Service (one file per Gateway).</summary>
public static class Scenario
{
    public static void Write(string folder, int gateways)
    {
        Directory.CreateDirectory(folder);
        for (var i = 0; i < gateways; i++) File.WriteAllText(PathOf(folder, i), Gateway(i, weight: 100));
    }

    public static string PathOf(string folder, int gateway) => Path.Combine(folder, $"gw-{gateway:D4}.yaml");

    /// <summary>Route <paramref name="gateway"/> with its backend weights changed (the one change the bench makes).</summary>
    public static void Change(string folder, int gateway, int weight) => File.WriteAllText(PathOf(folder, gateway), Gateway(gateway, weight));

    public static string RouteName(int gateway) => $"bench/cilium-gateway-gw-{gateway:D4}/listener-insecure";

    public static string Selector(int gateway) => $"bench/gw-{gateway:D4}";

    private static string Gateway(int i, int weight)
    {
        var n = i.ToString("D4", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.Append($$$"""
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: gw-{{{n}}}, namespace: bench}
            spec:
              gatewayClassName: cilium
              listeners: [{name: http, port: 80, protocol: HTTP}]
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: route-{{{n}}}, namespace: bench}
            spec:
              parentRefs: [{name: gw-{{{n}}}}]
              rules:
                - matches: [{path: {type: PathPrefix, value: /app}}]
                  backendRefs: [{name: svc-{{{n}}}-a, port: 8080, weight: {{{weight}}}}, {name: svc-{{{n}}}-b, port: 8080, weight: {{{100 - weight}}}}]
            """).Append('\n');
        foreach (var side in new[] { "a", "b" })
            text.Append($$$"""
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: svc-{{{n}}}-{{{side}}}, namespace: bench}
                spec:
                  ports: [{port: 8080, protocol: TCP}]
                ---
                apiVersion: discovery.k8s.io/v1
                kind: EndpointSlice
                metadata: {name: svc-{{{n}}}-{{{side}}}-1, namespace: bench, labels: {kubernetes.io/service-name: svc-{{{n}}}-{{{side}}}}}
                addressType: IPv4
                ports: [{port: 8080, protocol: TCP}]
                endpoints: [{addresses: [10.1.{{{i % 250}}}.{{{(side == "a" ? 10 : 20)}}}]}]
                """).Append('\n');
        return text.ToString();
    }
}
